import { Button } from '@mantine/core';
import { useState } from 'react';
import type { TokenView } from '../../../domain/auth.ts';
import { revokeToken } from '../api/admin-client.ts';
import { ConfirmModal } from '../common/confirm-modal.tsx';

export function RevokeTokenButton({ token, onRevoked }: { token: TokenView; onRevoked: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const revoke = async () => {
    setPending(true);
    setError(null);
    try {
      await revokeToken(token.id);
      setConfirming(false);
      onRevoked();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button size="xs" color="red" variant="light" data-testid={`token-revoke-${token.id}`} onClick={() => setConfirming(true)}>
        Revoke
      </Button>
      <ConfirmModal
        opened={confirming}
        title={`Revoke “${token.name}”?`}
        confirmLabel="Revoke token"
        testId="token-revoke-confirm"
        pending={pending}
        error={error}
        onConfirm={() => void revoke()}
        onCancel={() => {
          setConfirming(false);
          setError(null);
        }}
      >
        The system using this token is refused from its next call on. This cannot be undone: to let it in again, create
        a new token and put it in its configuration.
      </ConfirmModal>
    </>
  );
}
