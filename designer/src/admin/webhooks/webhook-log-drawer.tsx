import { Badge, Button, Code, Drawer, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { WebhookEndpointView } from '../../../../domain/webhook.ts';
import { LoadError } from '../../api/load-error.tsx';
import { useResource } from '../../api/use-resource.ts';
import { listWebhookAttempts, redeliverWebhookEvent } from '../../api/webhooks-client.ts';
import { formatDateTime } from '../../format/time.ts';

const OUTCOME_COLOURS = { delivered: 'green', failed: 'orange', gave_up: 'red' } as const;

/** An endpoint's delivery log, newest first, with a way to send an event again. */
export function WebhookLogDrawer({ endpoint, onClose }: { endpoint: WebhookEndpointView | null; onClose: () => void }) {
  return (
    <Drawer opened={endpoint !== null} onClose={onClose} position="right" size="xl" title={endpoint ? `Deliveries to ${endpoint.url}` : ''}>
      {endpoint && <Attempts endpoint={endpoint} />}
    </Drawer>
  );
}

function Attempts({ endpoint }: { endpoint: WebhookEndpointView }) {
  const attempts = useResource(`webhook-attempts:${endpoint.id}`, (signal) => listWebhookAttempts(endpoint.id, signal));
  const [note, setNote] = useState<string | null>(null);
  const redeliver = async (eventId: string) => {
    try {
      await redeliverWebhookEvent(endpoint.id, eventId);
      setNote(`${eventId} is being sent again.`);
      attempts.reload();
    } catch (error) {
      setNote(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Stack gap="sm" data-testid="webhook-log">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {note ?? 'Each attempt: its answer, how long it took and when the next one is due.'}
        </Text>
        <Button size="xs" variant="default" onClick={attempts.reload}>
          Refresh
        </Button>
      </Group>
      {attempts.error && <LoadError title="The delivery log could not be loaded" error={attempts.error} onRetry={attempts.reload} />}
      {!attempts.data && attempts.loading && <Loader size="sm" />}
      {attempts.data?.length === 0 && <Text size="sm">No deliveries yet.</Text>}
      {attempts.data && attempts.data.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" data-testid="webhook-attempts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Event</Table.Th>
              <Table.Th miw={120}>Outcome</Table.Th>
              <Table.Th>Answer</Table.Th>
              <Table.Th>Next attempt</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attempts.data.map((a) => (
              <Table.Tr key={`${a.eventId}-${a.attempt}-${a.at}-${a.outcome}`}>
                <Table.Td>{formatDateTime(a.at)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{a.eventType}</Text>
                  <Code>{a.eventId}</Code>
                </Table.Td>
                <Table.Td>
                  <Badge color={OUTCOME_COLOURS[a.outcome]} variant="light" style={{ flexShrink: 0, overflow: 'visible' }}>
                    {a.outcome.replace('_', ' ')}
                  </Badge>
                  {a.outcome !== 'gave_up' && <Text size="xs" c="dimmed">attempt {a.attempt}, {a.durationMs} ms</Text>}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{a.error ?? (a.httpStatus === null ? '' : `HTTP ${a.httpStatus}`)}</Text>
                  {a.responseExcerpt && <Text size="xs" c="dimmed" lineClamp={2}>{a.responseExcerpt}</Text>}
                </Table.Td>
                <Table.Td>{a.nextAttemptAt ? formatDateTime(a.nextAttemptAt) : ''}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => void redeliver(a.eventId)} data-testid={`webhook-redeliver-${a.eventId}`}>
                    Send again
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
