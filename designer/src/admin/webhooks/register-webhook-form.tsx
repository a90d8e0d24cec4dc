import { Alert, Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { createWebhookEndpointRequest, URL_MAX, WEBHOOK_EVENT_TYPES } from '../../../../domain/webhook.ts';
import { createWebhookEndpoint, type WebhookEndpointWithSecret } from '../../api/webhooks-client.ts';
import { useCheckedSubmit } from '../../validation/use-checked-submit.ts';

/** A receiver of events: its address and the events it wants; its secret comes back once, to `onCreated`. */
export function RegisterWebhookForm({ onCreated }: { onCreated: (endpoint: WebhookEndpointWithSecret) => void }) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<string[]>(['order.released']);
  const { errors, failure, pending, submit } = useCheckedSubmit(createWebhookEndpointRequest, createWebhookEndpoint, (endpoint) => {
    onCreated(endpoint);
    setUrl('');
    setDescription('');
  });

  return (
    <Paper withBorder p="md">
      <form data-testid="register-webhook-form" onSubmit={(event) => void submit(event, { url, description, eventTypes })} noValidate>
        <Stack gap="sm">
          <div>
            <Title order={4}>New endpoint</Title>
            <Text size="sm" c="dimmed">
              Sluice POSTs each event it subscribes to, signed with the endpoint&apos;s own secret, and retries for days while it fails.
            </Text>
          </div>
          <Group align="flex-start" grow>
            <TextInput data-testid="webhook-url" label="URL" placeholder="https://example.com/sluice-events" value={url} onChange={(e) => setUrl(e.currentTarget.value)} maxLength={URL_MAX} error={errors.url} />
            <TextInput data-testid="webhook-description" label="Description" description="Which system receives it." value={description} onChange={(e) => setDescription(e.currentTarget.value)} maxLength={500} error={errors.description} />
          </Group>
          <Checkbox.Group label="Events" value={eventTypes} onChange={setEventTypes} error={errors.eventTypes}>
            <Group gap="md" mt="xs">
              {WEBHOOK_EVENT_TYPES.map((type) => (
                <Checkbox key={type} value={type} label={type} data-testid={`webhook-event-${type}`} />
              ))}
            </Group>
          </Checkbox.Group>
          {failure && (
            <Alert color="red" title="The endpoint was not registered" data-testid="register-webhook-error">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={pending} data-testid="register-webhook-submit">
              Register endpoint
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
