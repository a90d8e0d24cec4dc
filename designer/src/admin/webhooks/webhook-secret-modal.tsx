import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import type { WebhookEndpointWithSecret } from '../../api/webhooks-client.ts';

/** The signing secret, the one time it is shown (at registration and at rotation). */
export function WebhookSecretModal({ endpoint, onClose }: { endpoint: WebhookEndpointWithSecret | null; onClose: () => void }) {
  return (
    <Modal opened={endpoint !== null} onClose={onClose} title="Copy the signing secret now" closeOnClickOutside={false} size="lg" centered>
      {endpoint && (
        <Stack gap="md" data-testid="webhook-secret-shown">
          <Text size="sm">
            The receiver at <b>{endpoint.url}</b> verifies each delivery with this secret (Standard Webhooks).
            {endpoint.previousSecretExpiresAt && ' The previous secret keeps signing beside it until the time shown in the list.'}
          </Text>
          <Code block data-testid="webhook-secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', userSelect: 'all' }}>
            {endpoint.secret}
          </Code>
          <Alert color="orange" title="This is the only time the secret is shown">
            If it is lost, rotate it and give the receiver the new one.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-testid="webhook-secret-done">
              I have stored it
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
