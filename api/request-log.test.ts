import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.ts';
import type { AppEnv } from './auth/principal.ts';
import { handleError } from './errors.ts';
import { requestLog } from './request-log.ts';

function loggedApp() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({}, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  const app = new Hono<AppEnv>();
  app.use(...requestLog(logger));
  app.get('/orders/:id', (c) => {
    c.set('principal', { kind: 'token', tokenId: 't1', name: 'erp', roles: ['dispatcher'] });
    return c.json({ ok: true });
  });
  app.post('/orders', (c) => {
    c.header('Location', '/orders/o-77');
    return c.json({}, 201);
  });
  app.get('/boom', () => {
    throw new Error('the database went away');
  });
  app.onError(handleError);
  return { app, lines };
}

describe('request ids and access lines', () => {
  it.each([
    ['a plain id', 'abc-123_x=', 'abc-123_x='],
    ['an id with spaces', 'abc 123', null],
    ['an id with a slash', 'abc/../x', null],
    ['an over-long id', 'a'.repeat(129), null],
    ['none', undefined, null],
  ])("honours the caller's X-Request-Id when it is %s, else makes one", async (_, sent, kept) => {
    const { app, lines } = loggedApp();
    const res = await app.request('/orders/o-1', sent === undefined ? {} : { headers: { 'X-Request-Id': sent } });
    const id = res.headers.get('X-Request-Id');
    if (kept) expect(id).toBe(kept);
    else expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines[0]).toMatchObject({ requestId: id, msg: 'request' });
  });

  it("logs the route's pattern, status, caller by name and the order, from the path or the answer's Location", async () => {
    const { app, lines } = loggedApp();
    await app.request('/orders/o-1?secret=never');
    await app.request('/orders', { method: 'POST' });
    expect(lines[0]).toMatchObject({ method: 'GET', route: '/orders/:id', status: 200, actor: 'token:erp', orderId: 'o-1' });
    expect(JSON.stringify(lines[0])).not.toContain('never');
    expect(lines[1]).toMatchObject({ method: 'POST', route: '/orders', status: 201, orderId: 'o-77' });
  });

  it('answers an unexpected error 500 with the request id a person can quote', async () => {
    const { app, lines } = loggedApp();
    const res = await app.request('/boom', { headers: { 'X-Request-Id': 'quote-me' } });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error).toMatchObject({ code: 'internal', requestId: 'quote-me' });
    expect(body.error.message).toContain('quote-me');
    expect(body.error.message).not.toContain('database');
    expect(lines[0]).toMatchObject({ requestId: 'quote-me', route: '/boom', status: 500 });
  });
});
