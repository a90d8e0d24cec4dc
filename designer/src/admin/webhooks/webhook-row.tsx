import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { WebhookEndpointView } from '../../../../domain/webhook.ts';
import { deleteWebhookEndpoint, rotateWebhookSecret, sendWebhookTest, updateWebhookEndpoint, type WebhookEndpointWithSecret } from '../../api/webhooks-client.ts';
import { ConfirmModal } from '../../common/confirm-modal.tsx';
import { formatDateTime } from '../../format/time.ts';

interface WebhookRowProps {
  endpoint: WebhookEndpointView;
  onChanged: () => void;
  onSecret: (endpoint: WebhookEndpointWithSecret) => void;
  onShowLog: (endpoint: WebhookEndpointView) => void;
}

/** One endpoint: where it points, what it gets, whether it is on (and why Sluice turned it off), and what to do with it. */
export function WebhookRow({ endpoint, onChanged, onSecret, onShowLog }: WebhookRowProps) {
  const [note, setNote] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const act = async (work: () => Promise<unknown>, done?: string) => {
    setNote(null);
    try {
      await work();
      if (done) setNote(done);
      onChanged();
    } catch (error) {
      setNote(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Table.Tr data-testid={`webhook-row-${endpoint.id}`} c={endpoint.enabled ? undefined : 'dimmed'}>
      <Table.Td>
        <Text fw={600} size="sm" style={{ wordBreak: 'break-all' }}>
          {endpoint.url}
        </Text>
        <Text size="xs" c="dimmed">
          {endpoint.description}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="xs">{endpoint.eventTypes.join(', ')}</Text>
      </Table.Td>
      <Table.Td>
        {endpoint.enabled ? (
          <Badge color={endpoint.failingSince ? 'orange' : 'green'} variant="light">
            {endpoint.failingSince ? `failing since ${formatDateTime(endpoint.failingSince)}` : 'enabled'}
          </Badge>
        ) : (
          <Badge color="red" variant="light">
            disabled
          </Badge>
        )}
        {endpoint.disabledReason && (
          <Text size="xs" data-testid={`webhook-disabled-reason-${endpoint.id}`}>
            {endpoint.disabledReason}
          </Text>
        )}
        {endpoint.previousSecretExpiresAt && <Text size="xs">Previous secret signs too until {formatDateTime(endpoint.previousSecretExpiresAt)}</Text>}
        {note && <Text size="xs" c="blue" data-testid={`webhook-note-${endpoint.id}`}>{note}</Text>}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Button size="xs" variant="light" onClick={() => void act(() => sendWebhookTest(endpoint.id), 'A test event is on its way.')} data-testid={`webhook-test-${endpoint.id}`}>
            Test
          </Button>
          <Button size="xs" variant="light" onClick={() => onShowLog(endpoint)} data-testid={`webhook-log-${endpoint.id}`}>
            Log
          </Button>
          <Button size="xs" variant="light" onClick={() => void act(async () => onSecret(await rotateWebhookSecret(endpoint.id, { previousSecretValidHours: 24 })))} data-testid={`webhook-rotate-${endpoint.id}`}>
            Rotate secret
          </Button>
          <Button size="xs" variant="light" onClick={() => void act(() => updateWebhookEndpoint(endpoint.id, { enabled: !endpoint.enabled }))} data-testid={`webhook-toggle-${endpoint.id}`}>
            {endpoint.enabled ? 'Disable' : 'Enable'}
          </Button>
          <Button size="xs" color="red" variant="light" onClick={() => setDeleting(true)} data-testid={`webhook-delete-${endpoint.id}`}>
            Delete
          </Button>
        </Group>
        <ConfirmModal
          opened={deleting}
          title="Delete this endpoint?"
          confirmLabel="Delete endpoint"
          testId="webhook-delete-confirm"
          onConfirm={() => void act(() => deleteWebhookEndpoint(endpoint.id)).then(() => setDeleting(false))}
          onCancel={() => setDeleting(false)}
        >
          {endpoint.url} gets no more events, and deliveries under way stop at their next attempt.
        </ConfirmModal>
      </Table.Td>
    </Table.Tr>
  );
}
