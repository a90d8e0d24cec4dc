import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ConversationMessage } from '../../../domain/conversations/conversation.ts';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Who a message told: the people by user name, and the order's driver an `@driver` reached (by their id). */
const notified = (message: ConversationMessage) => [...message.mentions.map((name) => `@${name}`), ...(message.mentionedDriver ? [`driver ${message.mentionedDriver}`] : [])];

/** Messages oldest first, as a thread reads; their text is shown as text, never as markup. */
export function MessageList({ messages }: { messages: readonly ConversationMessage[] }) {
  return (
    <Stack gap="xs" data-testid="conversation-messages">
      {messages.map((message) => (
        <Paper key={message.id} withBorder p="xs" data-testid="conversation-message">
          <Group gap="xs" justify="space-between">
            <Group gap={6}>
              <Text size="sm" fw={600}>
                {message.author.name}
              </Text>
              {message.author.kind === 'driver' && (
                <Badge size="xs" variant="light" color="teal">
                  driver
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {when(message.createdAt)}
            </Text>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {message.text}
          </Text>
          {notified(message).length > 0 && (
            <Text size="xs" c="dimmed">
              Notified: {notified(message).join(', ')}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
