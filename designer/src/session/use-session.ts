import { createContext, useContext, useSyncExternalStore } from 'react';
import type { UserView } from '../../../domain/auth.ts';
import type { Permission } from '../../../domain/roles.ts';
import { getSessionState, subscribeToSession, type SessionState } from '../api/session-store.ts';

export interface Session {
  user: UserView;
  /** Whether the person's roles allow this; the API enforces the same table, this only decides what to show. */
  can: (permission: Permission) => boolean;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in person; only inside the app that `<SessionGate>` shows once someone is signed in. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionGate>');
  return session;
}

export function useSessionState(): SessionState {
  return useSyncExternalStore(subscribeToSession, getSessionState, getSessionState);
}
