import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderSummary } from '../domain/order.ts';
import { createHarness, eventually, type Harness } from '../test/sluice-harness.ts';
import { linesOf, startApiProcess, startWorkerProcess, stopProcesses } from '../test/sluice-processes.ts';

type LogLine = Record<string, unknown> & { level: string; msg: string };

/**
 * Integration: the API and a worker as real processes, logging at their most talkative, through a run
 * that handles every kind of secret Sluice has (a one-time password, a chosen password, a session, a
 * CSRF token, an API token, a webhook secret and its rotation, wrong ones) and fails on purpose. Then every line either printed is searched
 * for each secret's value.
 */
describe('the logs of a full run', () => {
  let h: Harness;
  let api: string;
  let dataDir: string;
  const children: ChildProcess[] = [];
  const secrets: Record<string, string> = {};
  const REQUEST_ID = 'trace-me-42';
  let orderId: string;
  let failed: { status: number; body: { error: { requestId?: string; message: string } }; requestId: string | null };

  const json = { 'content-type': 'application/json' };
  const call = (path: string, init: RequestInit = {}) => fetch(`${api}${path}`, init);
  const signIn = async (username: string, password: string) => {
    const res = await call('/auth/login', { method: 'POST', headers: json, body: JSON.stringify({ username, password }) });
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    return { status: res.status, cookie, csrfToken: res.ok ? ((await res.json()) as { csrfToken: string }).csrfToken : undefined };
  };

  beforeAll(async () => {
    h = await createHarness({ wipLimit: 5 });
    dataDir = mkdtempSync(join(tmpdir(), 'sluice-logs-'));
    const verbose = { SLUICE_LOG_LEVEL: 'debug', SLUICE_LOG_FORMAT: 'json', SLUICE_DATA_DIR: dataDir };
    const started = await startApiProcess(h, undefined, verbose);
    api = started.url;
    children.push(started.child, await startWorkerProcess(h, undefined, { ...verbose, SLUICE_WORKER_LOG_LEVEL: 'DEBUG' }));

    const [username, oneTimePassword] = readFileSync(join(dataDir, 'first-admin-password'), 'utf8').trim().split('\n') as [string, string];
    secrets.oneTimePassword = oneTimePassword;
    secrets.wrongPassword = 'not-the-password-7Qz';
    expect((await signIn(username, secrets.wrongPassword)).status).toBe(401);

    const first = await signIn(username, oneTimePassword);
    expect(first.status).toBe(200);
    secrets.newPassword = 'a-chosen-password-9Kx';
    const changed = await call('/auth/password', {
      method: 'POST',
      headers: { ...json, cookie: first.cookie!, 'x-csrf-token': first.csrfToken! },
      body: JSON.stringify({ currentPassword: oneTimePassword, newPassword: secrets.newPassword }),
    });
    expect(changed.status).toBe(204);

    const admin = await signIn(username, secrets.newPassword);
    expect(admin.status).toBe(200);
    secrets.session = admin.cookie!.split('=')[1]!;
    secrets.csrfToken = admin.csrfToken!;
    const created = await call('/tokens', { method: 'POST', headers: { ...json, cookie: admin.cookie!, 'x-csrf-token': admin.csrfToken! }, body: JSON.stringify({ name: 'integration', role: 'dispatcher' }) });
    expect(created.status).toBe(201);
    secrets.token = ((await created.json()) as { token: string }).token;
    const adminHeaders = { ...json, cookie: admin.cookie!, 'x-csrf-token': admin.csrfToken! };
    const endpoint = await call('/webhooks/endpoints', { method: 'POST', headers: adminHeaders, body: JSON.stringify({ url: 'https://hooks.example.com/sluice', eventTypes: ['order.released'] }) });
    expect(endpoint.status).toBe(201);
    const registered = (await endpoint.json()) as { id: string; secret: string };
    secrets.webhookSecret = registered.secret;
    const rotated = await call(`/webhooks/endpoints/${registered.id}/rotate-secret`, { method: 'POST', headers: adminHeaders, body: JSON.stringify({ previousSecretValidHours: 1 }) });
    expect(rotated.status).toBe(200);
    secrets.rotatedWebhookSecret = ((await rotated.json()) as { secret: string }).secret;
    secrets.unknownToken = 'slc_unknown_token_value_3Jw';
    expect((await call('/orders', { headers: { authorization: `Bearer ${secrets.unknownToken}` } })).status).toBe(401);

    const bearer = { ...json, authorization: `Bearer ${secrets.token}` };
    const due = new Date(Date.now() + 24 * 3_600_000).toISOString();
    const posted = await call('/orders', { method: 'POST', headers: { ...bearer, 'X-Request-Id': REQUEST_ID }, body: JSON.stringify({ reference: 'LOGGED', account: 'ACME', dueAt: due, workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 1, price: 1 }] }) });
    expect(posted.status).toBe(201);
    expect(posted.headers.get('x-request-id')).toBe(REQUEST_ID);
    orderId = ((await posted.json()) as OrderSummary).id;
    await eventually(async () => (((await (await call(`/orders/${orderId}`, { headers: bearer })).json()) as OrderSummary).state === 'assigned' ? true : undefined), 'the order to be assigned');
    expect((await call(`/orders/${orderId}/actions`, { method: 'POST', headers: bearer, body: JSON.stringify({ action: 'start', reason: 'logged run' }) })).status).toBe(200);

    // A server-side failure: the store loses a table under the running API.
    await h.store.em.getConnection().execute('drop table ruleset_test_cases');
    const broken = await call('/rulesets/priority/test-cases', { headers: bearer });
    failed = { status: broken.status, body: (await broken.json()) as typeof failed.body, requestId: broken.headers.get('x-request-id') };
    await stopProcesses(children);
  }, 180_000);
  afterAll(async () => {
    await stopProcesses(children);
    await h?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const everyLine = () => children.flatMap((c) => linesOf(c));
  const parsed = () => children.flatMap((c) => linesOf(c)).map((line) => JSON.parse(line) as LogLine);

  it('holds no password, session, CSRF token, API token or webhook secret, right or wrong', () => {
    expect(everyLine().length).toBeGreaterThan(50);
    for (const [what, value] of Object.entries(secrets)) {
      expect(everyLine().filter((line) => line.includes(value)), what).toEqual([]);
    }
  });

  it('is JSON lines, each request with its id, route, status, caller and order', () => {
    const lines = parsed();
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThan(5);
    for (const line of requests) expect(line).toMatchObject({ name: 'api', requestId: expect.any(String), method: expect.any(String), route: expect.any(String), status: expect.any(Number), durationMs: expect.any(Number) });
    expect(requests.find((l) => l.requestId === REQUEST_ID)).toMatchObject({ method: 'POST', route: '/orders', status: 201, actor: 'token:integration', orderId });
    expect(requests.find((l) => l.route === '/orders/:id/actions')).toMatchObject({ actor: 'token:integration', orderId, status: 200 });
    expect(requests.find((l) => l.route === '/auth/password')).toMatchObject({ actor: 'admin', status: 204 });
  });

  it('tells where the one-time password is, in a file only its owner may read', () => {
    expect(parsed().find((l) => l.file === join(dataDir, 'first-admin-password'))).toMatchObject({ name: 'api', username: 'admin' });
    expect(statSync(join(dataDir, 'first-admin-password')).mode & 0o777).toBe(0o600);
  });

  it("names the workflow and the order on the worker's lines about the order's activities", () => {
    const worker = parsed().filter((l) => l.name === 'worker' && l.orderId === orderId);
    expect(worker.length).toBeGreaterThan(0);
    expect(worker.find((l) => l.activityType)).toMatchObject({ workflowId: `order-${orderId}` });
  });

  it('answers an unexpected failure with the request id that finds its logged error', () => {
    expect(failed.status).toBe(500);
    expect(failed.body.error.requestId).toBe(failed.requestId);
    expect(failed.body.error.message).toContain(failed.requestId);
    const logged = parsed().find((l) => l.level === 'error' && l.requestId === failed.requestId);
    expect(logged).toMatchObject({ msg: 'request failed', err: { message: expect.stringContaining('ruleset_test_cases') } });
  });
});
