import { Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { WebhookEndpointView } from '../../../../domain/webhook.ts';
import { LoadError } from '../../api/load-error.tsx';
import { useResource } from '../../api/use-resource.ts';
import { listWebhookEndpoints, type WebhookEndpointWithSecret } from '../../api/webhooks-client.ts';
import { RegisterWebhookForm } from './register-webhook-form.tsx';
import { WebhookLogDrawer } from './webhook-log-drawer.tsx';
import { WebhookRow } from './webhook-row.tsx';
import { WebhookSecretModal } from './webhook-secret-modal.tsx';

/** Outbound webhooks: the endpoints other systems listen on, their health and their delivery logs. */
export function WebhooksPanel() {
  const endpoints = useResource('webhook-endpoints', listWebhookEndpoints);
  const [secret, setSecret] = useState<WebhookEndpointWithSecret | null>(null);
  const [log, setLog] = useState<WebhookEndpointView | null>(null);
  const showSecret = (endpoint: WebhookEndpointWithSecret) => {
    setSecret(endpoint);
    endpoints.reload();
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={720}>
        Webhooks tell other systems what happened in Sluice as it happens: an order released or delivered, rules published.
        An endpoint that answers 410 Gone, or fails every attempt for days, is disabled with the reason shown here.
      </Text>
      <RegisterWebhookForm onCreated={showSecret} />
      {endpoints.error && <LoadError title="The webhook endpoints could not be loaded" error={endpoints.error} onRetry={endpoints.reload} />}
      {!endpoints.data && endpoints.loading && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">Loading endpoints…</Text>
        </Group>
      )}
      {endpoints.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No endpoints yet.
        </Text>
      )}
      {endpoints.data && endpoints.data.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table data-testid="webhooks-table" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Endpoint</Table.Th>
                <Table.Th>Events</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {endpoints.data.map((endpoint) => (
                <WebhookRow key={endpoint.id} endpoint={endpoint} onChanged={endpoints.reload} onSecret={showSecret} onShowLog={setLog} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <WebhookSecretModal endpoint={secret} onClose={() => setSecret(null)} />
      <WebhookLogDrawer endpoint={log} onClose={() => setLog(null)} />
    </Stack>
  );
}
