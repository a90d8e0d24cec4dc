import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { UserView } from '../../../domain/auth.ts';
import { ChangePasswordForm } from './change-password-form.tsx';
import { SignOutFailedModal } from './sign-out-failed-modal.tsx';
import { useSignOut } from './use-sign-out.ts';

/** Before anything else when the server says so (e.g. a one-time password an administrator handed out). */
export function ChangePasswordPage({ user }: { user: UserView }) {
  const signOut = useSignOut();
  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={460} maw="100%">
        <Stack gap="lg">
          <div>
            <Title order={2}>Choose your own password</Title>
            <Text size="sm" mt="xs">
              Hello {user.displayName}. You signed in with a one-time password, so Sluice needs a password only you
              know before you continue. Use it from now on.
            </Text>
          </div>
          <ChangePasswordForm submitLabel="Save and continue" />
          <Button variant="subtle" color="gray" size="xs" loading={signOut.pending} onClick={signOut.signOut}>
            Sign out instead
          </Button>
          <SignOutFailedModal error={signOut.error} onRetry={signOut.signOut} onClose={signOut.dismiss} />
        </Stack>
      </Paper>
    </Center>
  );
}
