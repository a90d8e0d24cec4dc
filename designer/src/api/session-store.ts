import type { SessionView } from '../../../domain/auth.ts';
import type { ApiError } from './api-error.ts';

/**
 * `expired`: the server stopped accepting the session while the app was open. The app stays on screen
 * (so nothing typed is lost) and asks the person to sign in again.
 */
export type SessionState =
  | { status: 'checking' }
  | { status: 'unavailable'; error: ApiError }
  | { status: 'signed-out' }
  | { status: 'signed-in'; session: SessionView; expired: boolean };

/**
 * The one place the session lives, outside React so the request layer can read its CSRF token and report
 * an expired session from any call, and React can subscribe to it (`useSyncExternalStore`).
 */
let state: SessionState = { status: 'checking' };
/** Counts sign-ins, so views can reload what failed while the session was gone. */
let signIns = 0;
const listeners = new Set<() => void>();

function update(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

export function getSessionState(): SessionState {
  return state;
}

export function getSignInCount(): number {
  return signIns;
}

export function subscribeToSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The server vouched for this session (sign-in, `/auth/me`, or a refresh after a change). */
export function sessionConfirmed(session: SessionView): void {
  if (state.status !== 'signed-in' || state.expired) signIns += 1;
  update({ status: 'signed-in', session, expired: false });
}

/** A call was answered `401 unauthenticated`: mid-work that means the session expired. */
export function sessionRejected(): void {
  update(state.status === 'signed-in' ? { ...state, expired: true } : { status: 'signed-out' });
}

export function signedOut(): void {
  update({ status: 'signed-out' });
}

export function sessionCheckStarted(): void {
  update({ status: 'checking' });
}

export function sessionCheckFailed(error: ApiError): void {
  update({ status: 'unavailable', error });
}

/**
 * Back to knowing nothing, without telling anyone: the server's render of a person's first screen
 * (ssr/render-first-screen.tsx) confirms their session here, and none of it may stay for the next page.
 */
export function sessionForgotten(): void {
  state = { status: 'checking' };
  signIns = 0;
}

/** Sent as `X-CSRF-Token` with every change; only a live session has one. */
export function currentCsrfToken(): string | undefined {
  return state.status === 'signed-in' ? state.session.csrfToken : undefined;
}
