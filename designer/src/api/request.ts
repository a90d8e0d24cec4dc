import type { SessionView } from '../../../domain/auth.ts';
import { ApiError, type ApiIssue } from './api-error.ts';
import { currentCsrfToken, getSessionState, sessionConfirmed, sessionRejected } from './session-store.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
  /** Headers a route reads besides the body (an `Idempotency-Key`). */
  headers?: Record<string, string>;
}

interface ErrorBody {
  error?: { code?: string; message?: string; issues?: ApiIssue[] };
}

function retryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}

async function send(path: string, { method = 'GET', body, signal, headers: extra }: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { ...extra, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const csrfToken = currentCsrfToken();
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path, { method, signal, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'unreachable', 'The Sluice API cannot be reached. Check that the server is running.');
  }
}

async function failure(response: Response): Promise<ApiError> {
  const parsed = (await response.json().catch(() => undefined)) as ErrorBody | undefined;
  const error = parsed?.error;
  const message = error?.message ?? `The server answered ${response.status} ${response.statusText}`.trim();
  return new ApiError(response.status, error?.code ?? 'http_error', message, error?.issues, retryAfter(response));
}

async function answer<T>(path: string, response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const parsed: unknown = await response.json().catch(() => undefined);
  if (parsed === undefined) {
    throw new ApiError(response.status, 'not_json', `${path} did not answer with JSON: is the API mounted on this origin?`);
  }
  return parsed as T;
}

/** Like `request`, for an answer read as it arrives (NDJSON): the response, once its status says it is coming. */
export async function requestStream(path: string, options: RequestOptions): Promise<Response> {
  const response = await send(path, options);
  if (response.ok) return response;
  const error = await failure(response);
  if (error.status === 401 && error.code === 'unauthenticated') sessionRejected();
  throw error;
}

/**
 * Calls the API with the session cookie and, on changes, the CSRF token. A `401 unauthenticated` from any
 * call signs the whole app out; a CSRF refusal (the session was renewed in another tab) is retried once
 * with the token of the current session, if it is still the same person's.
 */
export async function request<T>(path: string, options: RequestOptions = {}, csrfRetried = false): Promise<T> {
  const response = await send(path, options);
  if (response.ok) return answer<T>(path, response);
  const error = await failure(response);
  if (error.code === 'csrf_failed' && !csrfRetried) {
    const before = getSessionState();
    const session = await request<SessionView>('/auth/me', { signal: options.signal });
    sessionConfirmed(session);
    // Someone else signed in on this browser meanwhile: what was asked in the old name is not repeated in theirs.
    const sameUser = before.status === 'signed-in' && before.session.user.id === session.user.id;
    if (sameUser) return request<T>(path, options, true);
  }
  if (error.status === 401 && error.code === 'unauthenticated') sessionRejected();
  throw error;
}
