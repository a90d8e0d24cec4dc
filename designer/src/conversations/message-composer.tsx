import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { newMessageInput } from '../../../domain/conversations/conversation.ts';
import { maxLengthOf } from '../validation/limits.ts';
import { postOrderMessage } from './conversations-client.ts';

/** Writes a message on the order's thread; @user.name tells that person in their notifications. */
export function MessageComposer({ orderId, onPosted }: { orderId: string; onPosted: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const parsed = newMessageInput.safeParse({ text });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'write a message to post');
    setError(null);
    setBusy(true);
    try {
      await postOrderMessage(orderId, parsed.data.text);
      setText('');
      onPosted();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs">
      <Textarea
        data-testid="conversation-text"
        label="New message"
        description="Everyone who works this order reads it. Type @ and a user name (e.g. @dan) to notify that person, or @driver to tell the driver of the trip it is on."
        autosize
        minRows={2}
        maxRows={8}
        maxLength={maxLengthOf(newMessageInput.shape.text)}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        error={error}
      />
      <Group justify="flex-end">
        <Button size="compact-sm" loading={busy} onClick={() => void submit()} data-testid="conversation-post">
          Post message
        </Button>
      </Group>
    </Stack>
  );
}
