import { Badge, Button, Group, MultiSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { setRolesRequest, type UserView } from '../../../domain/auth.ts';
import { can, type Role } from '../../../domain/roles.ts';
import { setUserRoles } from '../api/admin-client.ts';
import { formatDateTime } from '../format/time.ts';
import { sentence } from '../format/labels.ts';
import { isRole, ROLE_OPTIONS } from './role-options.ts';

interface UserRowProps {
  user: UserView;
  /** The admin looking at the screen: losing their own admin role takes this screen away from them. */
  isSelf: boolean;
  onSaved: (user: UserView) => void;
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((role) => b.includes(role));

/** One person; their roles are edited in place and saved for this row alone. */
export function UserRow({ user, isSelf, onSaved }: UserRowProps) {
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changed = !sameRoles(roles, user.roles);
  const losesAdmin = isSelf && can(user.roles, 'users.manage') && !can(roles, 'users.manage');

  const save = async () => {
    const parsed = setRolesRequest.safeParse({ roles });
    if (!parsed.success) {
      setError(sentence(parsed.error.issues[0]?.message ?? 'Not accepted'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      onSaved(await setUserRoles(user.id, parsed.data));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setPending(false);
    }
  };

  return (
    <Table.Tr data-testid={`user-row-${user.username}`}>
      <Table.Td ff="monospace">{user.username}</Table.Td>
      <Table.Td>
        {user.displayName}{' '}
        {isSelf && (
          <Badge size="xs" variant="outline">
            you
          </Badge>
        )}
      </Table.Td>
      <Table.Td miw={280}>
        <Stack gap={4}>
          <MultiSelect
            data-testid={`user-roles-${user.username}`}
            aria-label={`Roles of ${user.displayName}`}
            data={ROLE_OPTIONS}
            value={roles}
            onChange={(values) => {
              setRoles(values.filter(isRole));
              setError(null);
            }}
            error={error}
          />
          {losesAdmin && (
            <Text size="xs" c="orange.8">
              Without an admin role you lose this screen as soon as you save.
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Badge color={user.disabled ? 'gray' : 'green'} variant="light">
          {user.disabled ? 'Disabled' : 'Active'}
        </Badge>
      </Table.Td>
      <Table.Td>{formatDateTime(user.createdAt)}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            data-testid={`user-save-${user.username}`}
            disabled={!changed}
            loading={pending}
            onClick={() => void save()}
          >
            Save roles
          </Button>
          {changed && (
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              onClick={() => {
                setRoles(user.roles);
                setError(null);
              }}
            >
              Undo
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
