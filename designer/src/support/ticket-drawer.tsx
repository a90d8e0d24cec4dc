import { Alert, Anchor, Badge, Button, Drawer, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { answerTicketInput, TICKET_TOPIC_WORDS, type SupportTicketDetail } from '../../../domain/support/support-ticket.ts';
import { orderLink } from '../../../domain/notification.ts';
import { useResource } from '../api/use-resource.ts';
import { useSession } from '../session/use-session.ts';
import { maxLengthOf } from '../validation/limits.ts';
import { changeSupportTicket, readSupportTicket, type DeskAction } from './support-client.ts';
import { TICKET_STATUS_COLORS, TICKET_STATUS_LABELS, when } from './ticket-words.ts';

/** One ticket: the customer's question and the replies, and the desk's assign, answer and close. */
export function TicketDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const ticket = useResource(`support-ticket:${id}`, (signal) => readSupportTicket(id, signal));
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={<Title order={2}>Customer question</Title>} data-testid="ticket-drawer">
      {ticket.error && <Alert color="red">{ticket.error.message}</Alert>}
      {ticket.data && (
        <TicketDetail
          key={ticket.data.version}
          ticket={ticket.data}
          onChanged={() => {
            ticket.reload();
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}

function TicketDetail({ ticket, onChanged }: { ticket: SupportTicketDetail; onChanged: () => void }) {
  const { user, can } = useSession();
  const [answer, setAnswer] = useState('');
  const [assignee, setAssignee] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const closed = ticket.status === 'closed';

  const act = async (change: DeskAction) => {
    setBusy(true);
    setError(null);
    try {
      await changeSupportTicket(ticket.id, ticket.version, change);
      onChanged();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const sendAnswer = () => {
    const parsed = answerTicketInput.shape.text.safeParse(answer);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'write the answer the customer reads');
    void act({ action: 'answer', text: parsed.data });
  };

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge color={TICKET_STATUS_COLORS[ticket.status]} variant="light" data-testid="ticket-status">
          {TICKET_STATUS_LABELS[ticket.status]}
        </Badge>
        <Text size="sm">{ticket.assignee ? `with ${ticket.assignee}` : 'nobody has it yet'}</Text>
      </Group>
      <Text size="sm">
        Order{' '}
        <Anchor href={orderLink(ticket.orderId)} data-testid="ticket-order">
          {ticket.orderReference}
        </Anchor>{' '}
        · {TICKET_TOPIC_WORDS[ticket.topic]}
      </Text>
      <Paper withBorder p="sm">
        <Text size="sm" fw={600}>
          {ticket.name} · {ticket.contact}
        </Text>
        <Text size="xs" c="dimmed">
          {when(ticket.createdAt)}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {ticket.message}
        </Text>
      </Paper>
      {ticket.replies.map((reply) => (
        <Paper key={reply.id} withBorder p="sm" ml={reply.from === 'support' ? 'xl' : 0} data-testid="ticket-reply">
          <Text size="xs" c="dimmed">
            {reply.from === 'support' ? `Answer by ${reply.author ?? 'the desk'}` : 'The customer replied'} · {when(reply.createdAt)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {reply.text}
          </Text>
        </Paper>
      ))}
      {error && (
        <Alert color="red" variant="light" data-testid="ticket-error">
          {error}
        </Alert>
      )}
      {closed && <Text size="sm" c="dimmed">Closed. It comes back to the queue if the customer replies from the tracking page.</Text>}
      {!closed && can('support.answer') && (
        <>
          <Group align="flex-end" gap="xs">
            {ticket.assignee !== user.username && (
              <Button size="compact-sm" variant="light" loading={busy} onClick={() => void act({ action: 'assign', assignee: user.username })} data-testid="ticket-take">
                Assign to me
              </Button>
            )}
            <TextInput size="xs" label="Or assign to (user name)" value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)} maxLength={64} data-testid="ticket-assignee" />
            <Button size="compact-sm" variant="default" disabled={!assignee.trim()} loading={busy} onClick={() => void act({ action: 'assign', assignee: assignee.trim() })}>
              Assign
            </Button>
          </Group>
          <Textarea
            label="Answer"
            description="The customer reads it on the order's tracking page, as written and unsigned."
            autosize
            minRows={3}
            maxLength={maxLengthOf(answerTicketInput.shape.text)}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            data-testid="ticket-answer"
          />
          <Group justify="space-between">
            <Button size="compact-sm" variant="default" color="gray" loading={busy} onClick={() => void act({ action: 'close' })} data-testid="ticket-close">
              Close ticket
            </Button>
            <Button size="compact-sm" loading={busy} onClick={sendAnswer} data-testid="ticket-send-answer">
              Send answer
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
