import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../launcher/temporal-dev-server.ts';
import { hoursFromNow } from '../test/clock.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';
import { createApp } from './app.ts';

/** The API over a Temporal dev server of the test's own, which it stops: answers come quickly and say what happened. */
describe('the API while Temporal is down', () => {
  let h: Harness;
  let server: DevServer;
  let connection: Connection;
  let api: ReturnType<typeof createApp>;
  beforeAll(async () => {
    h = await createHarness();
    server = await startDevServer({ ip: '127.0.0.1', port: 0, uiPort: false, namespace: 'default', logLevel: 'error' });
    connection = await Connection.connect({ address: server.address });
    api = createApp({ store: h.store, temporal: new Client({ connection, namespace: 'default' }), taskQueue: h.taskQueue });
  });
  afterAll(async () => {
    await connection?.close();
    await server?.stop();
    await h?.close();
  });

  const request = async (path: string, init: RequestInit = {}) => {
    const startedAt = Date.now();
    const res = await api.request(path, { ...init, headers: { 'content-type': 'application/json', ...(await h.auth('dispatcher')), ...(init.headers as Record<string, string>) } });
    return { res, ms: Date.now() - startedAt, body: (await res.json()) as Record<string, unknown> };
  };
  const newOrder = (reference: string) => JSON.stringify({ reference, account: 'ACME', dueAt: hoursFromNow(24), workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 1, price: 5 }] });

  it('is ready while the server runs, then names Temporal as the failing check, keeps new orders (202) and answers actions 503, each within seconds', async () => {
    const before = await request('/readyz');
    expect(before.res.status).toBe(200);
    expect(before.body).toEqual({ status: 'ready', checks: [{ name: 'store', ok: true }, { name: 'migrations', ok: true }, { name: 'temporal', ok: true }] });
    const order = await h.postOrder('DOWN-EXISTING', 24);

    await server.stop();

    const ready = await request('/readyz');
    expect(ready.res.status).toBe(503);
    expect(ready.body).toEqual({ status: 'not_ready', checks: [{ name: 'store', ok: true }, { name: 'migrations', ok: true }, { name: 'temporal', ok: false }] });
    expect(ready.ms).toBeLessThan(5_000);

    const intake = await request('/orders', { method: 'POST', body: newOrder('DOWN-NEW'), headers: { 'idempotency-key': 'down-new' } });
    expect(intake.res.status, JSON.stringify(intake.body)).toBe(202);
    expect(intake.body).toMatchObject({ reference: 'DOWN-NEW', state: 'captured' });
    expect(intake.ms).toBeLessThan(5_000);

    const action = await request(`/orders/${order.id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'cancel', reason: 'customer called' }) });
    expect(action.res.status, JSON.stringify(action.body)).toBe(503);
    expect(action.body).toMatchObject({ error: { code: 'temporal_unavailable', message: expect.stringMatching(/cannot be reached right now/) } });
    expect(action.ms).toBeLessThan(5_000);

    const health = await request('/healthz');
    expect(health.res.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
  }, 60_000);
});
