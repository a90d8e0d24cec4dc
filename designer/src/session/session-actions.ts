import type { LoginRequest } from '../../../domain/auth.ts';
import { ApiError } from '../api/api-error.ts';
import { fetchSession, login, logout } from '../api/auth-client.ts';
import { sessionCheckFailed, sessionCheckStarted, sessionConfirmed, signedOut } from '../api/session-store.ts';

/** Asks the server who is signed in; a 401 leaves the app signed out (the request layer records it). */
export async function checkSession(signal?: AbortSignal): Promise<void> {
  sessionCheckStarted();
  try {
    sessionConfirmed(await fetchSession(signal));
  } catch (error) {
    if (signal?.aborted || (error instanceof ApiError && error.status === 401)) return;
    sessionCheckFailed(error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error)));
  }
}

/** Reads the session again after something changed it on the server (a new password, one's own roles). */
export async function refreshSession(): Promise<void> {
  sessionConfirmed(await fetchSession());
}

export async function signIn(credentials: LoginRequest): Promise<void> {
  sessionConfirmed(await login(credentials));
}

/** An already ended session counts as signed out; any other failure is thrown, since the cookie may still be valid. */
export async function signOut(): Promise<void> {
  try {
    await logout();
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
  signedOut();
}
