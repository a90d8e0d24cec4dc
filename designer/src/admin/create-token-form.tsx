import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { createTokenRequest, type CreatedToken } from '../../../domain/auth.ts';
import { createToken } from '../api/admin-client.ts';
import { maxLengthOf } from '../validation/limits.ts';
import { useCheckedSubmit } from '../validation/use-checked-submit.ts';
import { ROLE_OPTIONS } from './role-options.ts';

/** A token for one integration, acting with one role; its secret comes back once, to `onCreated`. */
export function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const { errors, failure, pending, submit } = useCheckedSubmit(createTokenRequest, createToken, (token) => {
    onCreated(token);
    setName('');
    setRole(null);
  });

  return (
    <Paper withBorder p="md">
      <form data-testid="create-token-form" onSubmit={(event) => void submit(event, { name, role: role ?? undefined })} noValidate>
        <Stack gap="sm">
          <div>
            <Title order={4}>New API token</Title>
            <Text size="sm" c="dimmed">
              One token per system, so each can be revoked on its own. Give it the least role that does the job.
            </Text>
          </div>
          <Group align="flex-start" grow>
            <TextInput
              data-testid="create-token-name"
              label="Name"
              description="Which system uses it, e.g. “Web shop order intake”."
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              maxLength={maxLengthOf(createTokenRequest.shape.name)}
              error={errors.name}
            />
            <Select
              data-testid="create-token-role"
              label="Acts as"
              description="The token may do what this role may do."
              placeholder="Choose a role"
              data={ROLE_OPTIONS}
              value={role}
              onChange={setRole}
              error={errors.role}
            />
          </Group>
          {failure && (
            <Alert color="red" title="The token was not created" data-testid="create-token-error">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={pending} data-testid="create-token-submit">
              Create token
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
