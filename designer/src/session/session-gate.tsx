import { Center, Group, Loader, Text } from '@mantine/core';
import { useEffect, useMemo, type ReactNode } from 'react';
import { can } from '../../../domain/roles.ts';
import { LoadError } from '../api/load-error.tsx';
import { ChangePasswordPage } from './change-password-page.tsx';
import { LoginPage } from './login-page.tsx';
import { checkSession } from './session-actions.ts';
import { SessionExpiredModal } from './session-expired-modal.tsx';
import { SessionContext, useSessionState, type Session } from './use-session.ts';

function Centered({ children }: { children: ReactNode }) {
  return (
    <Center mih="100dvh" p="md">
      {children}
    </Center>
  );
}

/**
 * Shows `children` (the app) only to a signed-in person who needs no new password; otherwise the sign-in
 * or change-password page. The app is keyed by the person, so a different sign-in never sees another's state.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const state = useSessionState();
  const signedIn = state.status === 'signed-in' ? state.session : undefined;
  const user = signedIn?.user;
  const session = useMemo<Session | undefined>(
    () => (user ? { user, can: (permission) => can(user.roles, permission) } : undefined),
    [user],
  );

  useEffect(() => {
    const controller = new AbortController();
    void checkSession(controller.signal);
    return () => controller.abort();
  }, []);

  if (state.status === 'checking') {
    return (
      <Centered>
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">Checking whether you are signed in…</Text>
        </Group>
      </Centered>
    );
  }
  if (state.status === 'unavailable') {
    return (
      <Centered>
        <LoadError title="Sluice cannot be reached" error={state.error} onRetry={() => void checkSession()} />
      </Centered>
    );
  }
  if (state.status === 'signed-out' || !signedIn || !session) return <LoginPage />;
  return (
    <>
      {signedIn.mustChangePassword ? (
        <ChangePasswordPage user={signedIn.user} />
      ) : (
        <SessionContext value={session} key={signedIn.user.id}>
          {children}
        </SessionContext>
      )}
      {state.expired && <SessionExpiredModal username={signedIn.user.username} />}
    </>
  );
}
