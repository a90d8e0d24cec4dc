import { Button, Modal, Stack, Text } from '@mantine/core';
import { signedOut } from '../api/session-store.ts';
import { LoginForm } from './login-form.tsx';

/**
 * Over the app rather than instead of it: signing in again as the same person carries on where they were,
 * with whatever they had typed. Someone else signing in gets a fresh app of their own.
 */
export function SessionExpiredModal({ username }: { username: string }) {
  return (
    <Modal
      opened
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title="Your session has ended"
      centered
    >
      <Stack gap="md" data-testid="session-expired">
        <Text size="sm">
          Sluice no longer recognises this session: it timed out, or you signed out in another window. Sign in again to
          carry on; this screen and anything you typed are kept.
        </Text>
        <LoginForm defaultUsername={username} />
        <Button variant="subtle" color="gray" size="xs" onClick={signedOut}>
          Leave and go to the sign-in page
        </Button>
      </Stack>
    </Modal>
  );
}
