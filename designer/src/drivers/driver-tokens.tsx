import { Alert, Badge, Button, Code, CopyButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ConfirmModal } from '../common/confirm-modal.tsx';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { formatDateTime } from '../format/time.ts';
import { issueDriverToken, listDriverTokens, revokeDriverToken, type CreatedDriverToken, type DriverToken } from './drivers-client.ts';

/** The tokens that open the driver API as this driver: issue one for their phone, revoke a lost one. */
export function DriverTokens({ driverId }: { driverId: string }) {
  const tokens = useResource(`driver-tokens:${driverId}`, (signal) => listDriverTokens(driverId, signal));
  const [created, setCreated] = useState<CreatedDriverToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [revoking, setRevoking] = useState<DriverToken | null>(null);

  const run = async (work: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      tokens.reload();
      return true;
    } catch (err) {
      setError((err as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm" component="section" aria-label="Driver tokens">
      <Group justify="space-between">
        <Title order={3}>Tokens for the driver's app</Title>
        <Button size="xs" loading={busy} onClick={() => void run(async () => setCreated(await issueDriverToken(driverId)))} data-testid="driver-token-issue">
          Issue a token
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        A token opens only this driver's trips and stops in the driver API (/driver/…), nothing else.
      </Text>
      {error && (
        <Alert color="red" title="The token did not change" withCloseButton onClose={() => setError(null)} data-testid="driver-token-error">
          {error}
        </Alert>
      )}
      {created && (
        <Alert color="orange" title="Copy the token now: this is the only time it is shown" withCloseButton onClose={() => setCreated(null)} data-testid="driver-token-created">
          <Stack gap="xs">
            <Code block data-testid="driver-token-secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', userSelect: 'all' }}>
              {created.token}
            </Code>
            <Text size="sm">The server keeps no copy. If it is lost, revoke it and issue another.</Text>
            {window.isSecureContext && (
              <Group>
                <CopyButton value={created.token} timeout={2_000}>
                  {({ copied, copy }) => (
                    <Button size="xs" color={copied ? 'green' : 'blue'} onClick={copy} data-testid="driver-token-copy">
                      {copied ? 'Copied' : 'Copy token'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            )}
          </Stack>
        </Alert>
      )}
      {tokens.error && <LoadError title="The tokens could not be loaded" error={tokens.error} onRetry={tokens.reload} />}
      {tokens.data && tokens.data.length === 0 && <Text size="sm">No token yet: issue one for the driver's phone.</Text>}
      {tokens.data && tokens.data.length > 0 && (
        <Table data-testid="driver-tokens">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Token</Table.Th>
              <Table.Th>Issued</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data.map((t) => (
              <Table.Tr key={t.id} data-testid={`driver-token-${t.id}`}>
                <Table.Td>
                  <Code>{t.prefix}…</Code>
                </Table.Td>
                <Table.Td>
                  {formatDateTime(t.createdAt)} by {t.createdBy}
                </Table.Td>
                <Table.Td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</Table.Td>
                <Table.Td>
                  {t.revokedAt ? (
                    <Badge color="gray" variant="light">
                      Revoked {formatDateTime(t.revokedAt)}
                    </Badge>
                  ) : (
                    <Button size="compact-sm" variant="default" color="red" disabled={busy} onClick={() => setRevoking(t)} aria-label={`Revoke token ${t.prefix}`}>
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmModal
        opened={revoking !== null}
        title="Revoke this driver token?"
        confirmLabel="Revoke"
        pending={busy}
        error={error}
        testId="driver-token-revoke-confirm"
        onCancel={() => {
          setRevoking(null);
          setError(null);
        }}
        onConfirm={() => void run(async () => void (await revokeDriverToken(driverId, revoking!.id))).then((done) => done && setRevoking(null))}
      >
        The driver's app using {revoking?.prefix}… stops working at once. This cannot be undone: to let it back in, issue a new token.
      </ConfirmModal>
    </Stack>
  );
}
