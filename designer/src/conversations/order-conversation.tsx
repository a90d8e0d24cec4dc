import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ConversationMessage } from '../../../domain/conversations/conversation.ts';
import { describeRolesFor } from '../../../domain/roles.ts';
import { useResource } from '../api/use-resource.ts';
import { useSession } from '../session/use-session.ts';
import { listOrderMessages } from './conversations-client.ts';
import { MessageComposer } from './message-composer.tsx';
import { MessageList } from './message-list.tsx';

interface Older {
  messages: ConversationMessage[];
  next: string | null;
}

/**
 * The order's conversation in its drawer: the newest page, older pages on request (a thread may be long), and
 * a composer for those who act on orders. Mount it keyed by the order, so another order starts a fresh thread.
 */
export function OrderConversation({ orderId }: { orderId: string }) {
  const { can } = useSession();
  const latest = useResource(`conversation:${orderId}`, (signal) => listOrderMessages(orderId, undefined, signal));
  const [older, setOlder] = useState<Older | null>(null);
  const [olderError, setOlderError] = useState<string | null>(null);
  const next = older ? older.next : (latest.data?.next ?? null);

  const loadOlder = async () => {
    if (!next) return;
    try {
      const page = await listOrderMessages(orderId, next);
      setOlder({ messages: [...(older?.messages ?? []), ...page.items], next: page.next });
      setOlderError(null);
    } catch (failure) {
      setOlderError((failure as Error).message);
    }
  };
  // Pages come newest first; the thread reads oldest first.
  const shown = [...(latest.data?.items ?? []), ...(older?.messages ?? [])].reverse();

  return (
    <section data-testid="order-conversation" aria-labelledby="order-conversation-title">
      <Title order={4} mb="xs" id="order-conversation-title">
        Conversation
      </Title>
      <Stack gap="xs">
        {(latest.error ?? olderError) && (
          <Alert color="red" variant="light">
            {latest.error?.message ?? olderError}
          </Alert>
        )}
        {next && (
          <Button size="compact-xs" variant="subtle" onClick={() => void loadOlder()} data-testid="conversation-older">
            Show older messages
          </Button>
        )}
        {latest.data && shown.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="conversation-empty">
            No messages yet. Notes for whoever works this order next, questions for a colleague, what the driver said: they go here.
          </Text>
        )}
        <MessageList messages={shown} />
        {can('conversations.post') ? (
          <MessageComposer orderId={orderId} onPosted={latest.reload} />
        ) : (
          <Text size="sm" c="dimmed">
            Posting here needs {describeRolesFor('conversations.post')}.
          </Text>
        )}
      </Stack>
    </section>
  );
}
