import { ApiError } from '../api/api-error.ts';

export interface LoginFailure {
  kind: 'credentials' | 'throttled' | 'other';
  title: string;
  message: string;
  /** When signing in is throttled: the time (epoch ms) from which the server accepts another attempt. */
  retryAt?: number;
}

/** What a failed sign-in means for the person at the keyboard, and what to do about it. */
export function describeLoginFailure(error: unknown, now: number): LoginFailure {
  if (!(error instanceof ApiError)) {
    return { kind: 'other', title: 'Signing in failed', message: error instanceof Error ? error.message : String(error) };
  }
  if (error.code === 'invalid_credentials') {
    return {
      kind: 'credentials',
      title: 'Wrong username or password',
      message: 'Check both (passwords are case-sensitive) and try again. If you cannot sign in, ask a Sluice administrator.',
    };
  }
  if (error.status === 429) {
    return {
      kind: 'throttled',
      title: 'Too many attempts',
      message: error.message,
      ...(error.retryAfterSeconds === undefined ? {} : { retryAt: now + error.retryAfterSeconds * 1000 }),
    };
  }
  return { kind: 'other', title: error.status === 0 ? 'Sluice cannot be reached' : 'Signing in failed', message: error.message };
}
