import { Alert, Button, Group, Modal } from '@mantine/core';
import { useState } from 'react';
import { ChangePasswordForm } from './change-password-form.tsx';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [done, setDone] = useState(false);
  const close = () => {
    setDone(false);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Change your password" centered>
      {done ? (
        <>
          <Alert color="green" title="Your password is changed" data-testid="password-changed">
            Use the new password the next time you sign in.
          </Alert>
          <Group justify="flex-end" mt="md">
            <Button onClick={close}>Close</Button>
          </Group>
        </>
      ) : (
        <ChangePasswordForm submitLabel="Change password" onDone={() => setDone(true)} />
      )}
    </Modal>
  );
}
