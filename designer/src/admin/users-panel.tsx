import { Alert, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { UserView } from '../../../domain/auth.ts';
import { listUsers } from '../api/admin-client.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { refreshSession } from '../session/session-actions.ts';
import { useSession } from '../session/use-session.ts';
import { CreateUserForm } from './create-user-form.tsx';
import { RoleGuide } from './role-guide.tsx';
import { UserRow } from './user-row.tsx';

/** Everyone who can sign in, their roles (editable per row), and adding someone new. */
export function UsersPanel() {
  const { user: me } = useSession();
  const users = useResource('users', listUsers);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<UserView | null>(null);

  const saved = (user: UserView) => {
    users.reload();
    // One's own roles decide what this app shows: read them back. Should that fail, the saved row stands and
    // the header catches up at the next sign-in.
    if (user.id === me.id) refreshSession().catch(() => undefined);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={720}>
          Everyone who can sign in to Sluice. A person&apos;s roles decide which screens and actions they get; change
          them in the row and save that row.
        </Text>
        {!adding && (
          <Button
            data-testid="user-add"
            onClick={() => {
              setAdded(null);
              setAdding(true);
            }}
          >
            Add a person
          </Button>
        )}
      </Group>
      {adding && (
        <CreateUserForm
          onCancel={() => setAdding(false)}
          onCreated={(user) => {
            setAdding(false);
            setAdded(user);
            users.reload();
          }}
        />
      )}
      {added && (
        <Alert
          color="green"
          title={`${added.displayName} can now sign in`}
          data-testid="user-added"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setAdded(null)}
        >
          Their username is <b>{added.username}</b>. Give them the first password you set in person or by phone, not
          in the same message as the username.
        </Alert>
      )}
      {users.error && <LoadError title="The people could not be loaded" error={users.error} onRetry={users.reload} />}
      {!users.data && users.loading && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">Loading people…</Text>
        </Group>
      )}
      {users.data && (
        <Table.ScrollContainer minWidth={900}>
          <Table data-testid="users-table" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Username</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Roles</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Added</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((user) => (
                // Keyed by the saved roles too: when they change on the server, the row's draft starts over.
                <UserRow key={`${user.id}:${user.roles.join()}`} user={user} isSelf={user.id === me.id} onSaved={saved} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RoleGuide />
    </Stack>
  );
}
