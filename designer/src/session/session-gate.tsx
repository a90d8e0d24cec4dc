import { Center, Group, Loader, Text } from '@mantine/core';
import { lazy, Suspense, useEffect, useMemo, type ReactNode } from 'react';
import { can } from '../../../domain/roles.ts';
import { LoadError } from '../api/load-error.tsx';
import { getSessionState } from '../api/session-store.ts';
import { checkSession } from './session-actions.ts';
import { SessionContext, useSessionState, type Session } from './use-session.ts';

// Loaded only when shown, so a person already signed in gets the app without them; the sign-in page
// loads no zod either (the password form does, as it checks a new password with its schema).
const LoginPage = lazy(async () => ({ default: (await import('./login-page.tsx')).LoginPage }));
const ChangePasswordPage = lazy(async () => ({ default: (await import('./change-password-page.tsx')).ChangePasswordPage }));
const SessionExpiredModal = lazy(async () => ({ default: (await import('./session-expired-modal.tsx')).SessionExpiredModal }));

function Centered({ children }: { children: ReactNode }) {
  return (
    <Center mih="100dvh" p="md">
      {children}
    </Center>
  );
}

function Checking() {
  return (
    <Centered>
      <Group gap="xs">
        <Loader size="sm" />
        <Text c="dimmed">Checking whether you are signed in…</Text>
      </Group>
    </Centered>
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
    // The page brought the session with it (main.tsx): nothing to ask.
    if (getSessionState().status !== 'checking') return;
    const controller = new AbortController();
    void checkSession(controller.signal);
    return () => controller.abort();
  }, []);

  if (state.status === 'checking') return <Checking />;
  if (state.status === 'unavailable') {
    return (
      <Centered>
        <LoadError title="Sluice cannot be reached" error={state.error} onRetry={() => void checkSession()} />
      </Centered>
    );
  }
  if (state.status === 'signed-out' || !signedIn || !session) {
    return (
      <Suspense fallback={<Checking />}>
        <LoginPage />
      </Suspense>
    );
  }
  return (
    <>
      {signedIn.mustChangePassword ? (
        <Suspense fallback={<Checking />}>
          <ChangePasswordPage user={signedIn.user} />
        </Suspense>
      ) : (
        <SessionContext value={session} key={signedIn.user.id}>
          {children}
        </SessionContext>
      )}
      {state.expired && (
        <Suspense fallback={null}>
          <SessionExpiredModal username={signedIn.user.username} />
        </Suspense>
      )}
    </>
  );
}
