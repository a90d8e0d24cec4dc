import { Alert, Button, Group, MultiSelect, Paper, PasswordInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { createUserRequest, PASSWORD_MIN_LENGTH, type UserView } from '../../../domain/auth.ts';
import type { Role } from '../../../domain/roles.ts';
import { createUser } from '../api/admin-client.ts';
import { maxLengthOf } from '../validation/limits.ts';
import { useCheckedSubmit } from '../validation/use-checked-submit.ts';
import { isRole, ROLE_OPTIONS } from './role-options.ts';
import { suggestPassword } from './suggest-password.ts';

interface CreateUserFormProps {
  onCreated: (user: UserView) => void;
  onCancel: () => void;
}

/** A new person with their roles and a first password, checked against the same schema the API applies. */
export function CreateUserForm({ onCreated, onCancel }: CreateUserFormProps) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [password, setPassword] = useState('');
  const [passwordVisible, setPasswordVisible] = useState(false);
  const { errors, failure, pending, submit } = useCheckedSubmit(createUserRequest, createUser, onCreated);

  return (
    <Paper withBorder p="md">
      <form data-testid="create-user-form" onSubmit={(event) => void submit(event, { username, displayName, roles, password })} noValidate>
        <Stack gap="sm">
          <Title order={4}>Add a person</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              data-testid="create-user-username"
              label="Username"
              description="What they type to sign in: lower-case letters, digits, dots, dashes, underscores."
              autoComplete="off"
              value={username}
              onChange={(event) => setUsername(event.currentTarget.value)}
              maxLength={maxLengthOf(createUserRequest.shape.username)}
              error={errors.username}
            />
            <TextInput
              data-testid="create-user-display-name"
              label="Full name"
              description="Shown in the header and next to what they do."
              value={displayName}
              onChange={(event) => setDisplayName(event.currentTarget.value)}
              maxLength={maxLengthOf(createUserRequest.shape.displayName)}
              error={errors.displayName}
            />
            <MultiSelect
              data-testid="create-user-roles"
              label="Roles"
              description="What they may see and do; see “What each role may do” below."
              data={ROLE_OPTIONS}
              value={roles}
              onChange={(values) => setRoles(values.filter(isRole))}
              error={errors.roles}
            />
            <Stack gap={4} align="flex-start">
              <PasswordInput
                data-testid="create-user-password"
                label="First password"
                description={`At least ${PASSWORD_MIN_LENGTH} characters. They choose their own when they first sign in.`}
                autoComplete="new-password"
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                maxLength={maxLengthOf(createUserRequest.shape.password)}
                visible={passwordVisible}
                onVisibilityChange={setPasswordVisible}
                error={errors.password}
                w="100%"
              />
              <Button
                variant="subtle"
                size="compact-xs"
                onClick={() => {
                  setPassword(suggestPassword());
                  setPasswordVisible(true);
                }}
              >
                Suggest a strong password
              </Button>
            </Stack>
          </SimpleGrid>
          {failure && (
            <Alert color="red" title="The person was not added" data-testid="create-user-error">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} data-testid="create-user-submit">
              Add person
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
