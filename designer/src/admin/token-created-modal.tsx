import { Alert, Anchor, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import type { CreatedToken } from '../../../domain/auth.ts';
import { ROLE_LABELS } from '../../../domain/roles.ts';

/**
 * The token's secret, the one time it is shown: the server keeps no copy, so closing this without copying
 * means creating another token. Clicking outside does not close it by accident.
 */
export function TokenCreatedModal({ token, onClose }: { token: CreatedToken | null; onClose: () => void }) {
  return (
    <Modal
      opened={token !== null}
      onClose={onClose}
      title="Copy your new API token now"
      closeOnClickOutside={false}
      size="lg"
      centered
    >
      {token && (
        <Stack gap="md" data-testid="token-created">
          <Text size="sm">
            <b>{token.name}</b> acts as {ROLE_LABELS[token.role]}. Put the token in that system&apos;s configuration;
            the{' '}
            <Anchor href="/docs" target="_blank" size="sm">
              API reference
            </Anchor>{' '}
            says how to send it.
          </Text>
          <Code block data-testid="token-secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', userSelect: 'all' }}>
            {token.token}
          </Code>
          <Alert color="orange" title="This is the only time the token is shown">
            It cannot be shown again, not even to an admin. If it is lost, revoke it and create a new one.
          </Alert>
          <Group justify="flex-end">
            {window.isSecureContext && (
              <CopyButton value={token.token} timeout={2_000}>
                {({ copied, copy }) => (
                  <Button data-testid="token-copy" color={copied ? 'green' : 'blue'} onClick={copy}>
                    {copied ? 'Copied' : 'Copy token'}
                  </Button>
                )}
              </CopyButton>
            )}
            <Button variant="default" onClick={onClose} data-testid="token-done">
              I have stored it
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
