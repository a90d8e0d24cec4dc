import { Button, Group, Modal, Text } from '@mantine/core';

/** A failed sign-out is said out loud: the session may still be open on this computer. */
export function SignOutFailedModal({ error, onRetry, onClose }: { error: Error | null; onRetry: () => void; onClose: () => void }) {
  return (
    <Modal opened={error !== null} onClose={onClose} title="You are still signed in" centered>
      <Text size="sm">Signing out did not go through, so anyone using this computer can still act in your name.</Text>
      <Text size="sm" c="red.8" mt="xs">
        {error?.message}
      </Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
        <Button color="red" onClick={onRetry}>
          Try again
        </Button>
      </Group>
    </Modal>
  );
}
