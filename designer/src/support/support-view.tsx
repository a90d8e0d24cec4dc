import { Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { TICKET_TOPIC_WORDS, TICKET_TOPICS } from '../../../domain/support/support-ticket.ts';
import { TICKET_STATUSES } from '../../../domain/support/ticket-machine.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { useSession } from '../session/use-session.ts';
import { listSupportQueue } from './support-client.ts';
import { TicketDrawer } from './ticket-drawer.tsx';
import { TICKET_STATUS_COLORS, TICKET_STATUS_LABELS, when } from './ticket-words.ts';

const STATUS_OPTIONS = [{ value: 'active', label: 'Not closed' }, ...TICKET_STATUSES.map((s) => ({ value: s, label: TICKET_STATUS_LABELS[s] }))];
const TOPIC_OPTIONS = TICKET_TOPICS.map((t) => ({ value: t, label: TICKET_TOPIC_WORDS[t] }));

/** The support queue: customers' questions from tracking pages, unassigned first, then oldest first. */
export function SupportView() {
  const { user } = useSession();
  const [status, setStatus] = useState('active');
  const [assignee, setAssignee] = useState<string | null>(null);
  const [topic, setTopic] = useState<string | null>(null);
  // A notification links here with the ticket to open.
  const [open, setOpen] = useState<string | null>(() => new URLSearchParams(window.location.search).get('ticket'));
  const queue = useResource(`support:${status}:${assignee ?? ''}:${topic ?? ''}`, (signal) => listSupportQueue({ status, assignee, topic }, signal));
  const rows = queue.data?.tickets ?? [];
  const assigneeOptions = [
    { value: 'unassigned', label: 'Nobody (unassigned)' },
    { value: user.username, label: `Me (${user.username})` },
  ];
  return (
    <Stack gap="md">
      <Title order={2}>Support</Title>
      <Text size="sm" c="dimmed" maw={720}>
        Questions customers ask from their order's tracking page. Take one, answer it (the customer reads the answer on the tracking page), and close it; a reply from the customer brings it back here.
      </Text>
      <Group align="flex-end">
        <Select label="Status" data={STATUS_OPTIONS} value={status} onChange={(v) => setStatus(v ?? 'active')} allowDeselect={false} maw={200} data-testid="support-status-filter" />
        <Select label="Assigned to" placeholder="Anyone" data={assigneeOptions} value={assignee} onChange={setAssignee} clearable maw={220} data-testid="support-assignee-filter" />
        <Select label="About" placeholder="Any topic" data={TOPIC_OPTIONS} value={topic} onChange={setTopic} clearable maw={280} data-testid="support-topic-filter" />
      </Group>
      {queue.error && <LoadError title="The support queue could not be loaded" error={queue.error} onRetry={queue.reload} />}
      {queue.data && rows.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="support-empty">
          No questions match these filters. New ones arrive here, and in your notifications, as customers send them.
        </Text>
      )}
      {rows.length > 0 && (
        <Table striped highlightOnHover data-testid="support-table">
          <Table.Caption>Unassigned first, then oldest first.</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Asked</Table.Th>
              <Table.Th>Order</Table.Th>
              <Table.Th>About</Table.Th>
              <Table.Th>Customer</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Assigned to</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((t) => (
              <Table.Tr key={t.id} data-testid="support-row">
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => setOpen(t.id)} aria-label={`Open the question on order ${t.orderReference}, ${when(t.createdAt)}`} data-testid={`support-open-${t.id}`}>
                    {when(t.createdAt)}
                  </Button>
                </Table.Td>
                <Table.Td>{t.orderReference}</Table.Td>
                <Table.Td>{TICKET_TOPIC_WORDS[t.topic]}</Table.Td>
                <Table.Td>{t.name}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={TICKET_STATUS_COLORS[t.status]}>
                    {TICKET_STATUS_LABELS[t.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>{t.assignee ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && <TicketDrawer id={open} onClose={() => setOpen(null)} onChanged={queue.reload} />}
    </Stack>
  );
}
