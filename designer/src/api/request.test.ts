import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionView } from '../../../domain/auth.ts';
import { ApiError } from './api-error.ts';
import { request } from './request.ts';
import { getSessionState, sessionConfirmed, signedOut } from './session-store.ts';

const session = (csrfToken: string, id = 'u1'): SessionView => ({
  user: { id, username: 'dana', displayName: 'Dana', roles: ['ops_manager'], disabled: false, createdAt: '2026-01-01T00:00:00Z' },
  csrfToken,
  mustChangePassword: false,
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const refusal = (status: number, code: string, message = code, headers: Record<string, string> = {}) =>
  json(status, { error: { code, message } }, headers);

const fetchMock = vi.fn<typeof fetch>();
const sentHeaders = (call: number) => new Headers(fetchMock.mock.calls[call]?.[1]?.headers);

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  sessionConfirmed(session('token-1'));
});
afterEach(() => vi.unstubAllGlobals());

describe('request', () => {
  it('sends the session CSRF token with changes, never with reads', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { orders: [] })).mockResolvedValueOnce(json(200, { ok: true }));
    await request('/orders');
    await request('/orders/1/actions', { method: 'POST', body: { action: 'start' } });
    expect(sentHeaders(0).has('x-csrf-token')).toBe(false);
    expect(sentHeaders(1).get('x-csrf-token')).toBe('token-1');
    expect(sentHeaders(1).get('content-type')).toBe('application/json');
  });

  it('turns a 401 unauthenticated into an expired session, keeping who it was', async () => {
    fetchMock.mockResolvedValueOnce(refusal(401, 'unauthenticated', 'Your session has expired.'));
    await expect(request('/orders')).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    const state = getSessionState();
    expect(state.status === 'signed-in' && state.expired).toBe(true);
  });

  it('leaves the session alone on a wrong password (401 invalid_credentials)', async () => {
    signedOut();
    fetchMock.mockResolvedValueOnce(refusal(401, 'invalid_credentials'));
    await expect(request('/auth/login', { method: 'POST', body: {} })).rejects.toBeInstanceOf(ApiError);
    expect(getSessionState()).toEqual({ status: 'signed-out' });
  });

  it('retries a CSRF refusal once with the token of the renewed session', async () => {
    fetchMock
      .mockResolvedValueOnce(refusal(403, 'csrf_failed'))
      .mockResolvedValueOnce(json(200, session('token-2')))
      .mockResolvedValueOnce(json(200, { done: true }));
    await expect(request('/users', { method: 'POST', body: {} })).resolves.toEqual({ done: true });
    expect(sentHeaders(2).get('x-csrf-token')).toBe('token-2');
  });

  it('does not repeat a change in the name of someone else who signed in meanwhile', async () => {
    fetchMock.mockResolvedValueOnce(refusal(403, 'csrf_failed')).mockResolvedValueOnce(json(200, session('token-2', 'u2')));
    await expect(request('/users', { method: 'POST', body: {} })).rejects.toMatchObject({ code: 'csrf_failed' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('keeps status, code, message, issues and Retry-After of a refusal', async () => {
    fetchMock.mockResolvedValueOnce(
      json(429, { error: { code: 'too_many_attempts', message: 'Wait 2 minutes.', issues: [{ path: 'username', message: 'x' }] } }, { 'retry-after': '120' }),
    );
    const error = await request('/auth/login', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: 'too_many_attempts', message: 'Wait 2 minutes.', retryAfterSeconds: 120 });
    expect((error as ApiError).issues).toEqual([{ path: 'username', message: 'x' }]);
  });

  it('answers undefined for 204 No Content', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await expect(request('/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('says when the API cannot be reached', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('fetch failed'));
    await expect(request('/orders')).rejects.toMatchObject({ status: 0, code: 'unreachable' });
  });
});
