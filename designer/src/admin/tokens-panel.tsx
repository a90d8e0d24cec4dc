import { Badge, Code, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { CreatedToken } from '../../../domain/auth.ts';
import { ROLE_LABELS } from '../../../domain/roles.ts';
import { listTokens } from '../api/admin-client.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { formatDateTime } from '../format/time.ts';
import { CreateTokenForm } from './create-token-form.tsx';
import { RevokeTokenButton } from './revoke-token-button.tsx';
import { TokenCreatedModal } from './token-created-modal.tsx';

/** Tokens other systems use to call the API: who made them, whether they are in use, and revoking them. */
export function TokensPanel() {
  const tokens = useResource('tokens', listTokens);
  const [created, setCreated] = useState<CreatedToken | null>(null);

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={720}>
        API tokens let other systems (order intake, a warehouse system, reporting) call Sluice without a person
        signing in. Each token acts with one role. A token nobody has used for a long time is worth revoking.
      </Text>
      <CreateTokenForm
        onCreated={(token) => {
          setCreated(token);
          tokens.reload();
        }}
      />
      {tokens.error && <LoadError title="The API tokens could not be loaded" error={tokens.error} onRetry={tokens.reload} />}
      {!tokens.data && tokens.loading && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">Loading API tokens…</Text>
        </Group>
      )}
      {tokens.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No API tokens yet.
        </Text>
      )}
      {tokens.data && tokens.data.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table data-testid="tokens-table" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Acts as</Table.Th>
                <Table.Th>Starts with</Table.Th>
                <Table.Th>Created by</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>Revoked</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((token) => (
                <Table.Tr key={token.id} data-testid={`token-row-${token.id}`} c={token.revokedAt ? 'dimmed' : undefined}>
                  <Table.Td fw={600}>{token.name}</Table.Td>
                  <Table.Td>{ROLE_LABELS[token.role]}</Table.Td>
                  <Table.Td>
                    <Code>{token.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>{token.createdBy}</Table.Td>
                  <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
                  <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'never'}</Table.Td>
                  <Table.Td>
                    {token.revokedAt ? (
                      formatDateTime(token.revokedAt)
                    ) : (
                      <Badge color="green" variant="light">
                        active
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{!token.revokedAt && <RevokeTokenButton token={token} onRevoked={tokens.reload} />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <TokenCreatedModal token={created} onClose={() => setCreated(null)} />
    </Stack>
  );
}
