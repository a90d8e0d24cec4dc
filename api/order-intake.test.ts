import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail, OrderSummary } from '../domain/order.ts';
import { freePort } from '../launcher/free-port.ts';
import { repoRoot } from '../launcher/repo-root.ts';
import { ApiTokenRecord } from '../store/api-token.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { storeEnv } from '../store/store-config.ts';
import { hoursFromNow } from '../test/clock.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';
import { runIntakeSweeper, sweepUnstartedOrders } from '../worker/intake-sweeper.ts';
import { orderWorkflowId } from '../workflows/definitions.ts';
import { createApp } from './app.ts';
import { issueToken, secretHashOf } from './auth/api-tokens.ts';
import type { Principal } from './auth/principal.ts';
import { idempotencyScopeOf } from './order-intake.ts';

/** Intake across crashes and retries, on the test run's Temporal server, a worker and a real SQLite file. */
describe('order intake', () => {
  let h: Harness;
  /** The same API over a Temporal server that is down: nothing listens where its client connects. */
  let cutOff: ReturnType<typeof createApp>;
  let deadConnection: Connection;
  beforeAll(async () => {
    h = await createHarness({ wipLimit: 50, worker: true });
    deadConnection = Connection.lazy({ address: `127.0.0.1:${await freePort()}` });
    cutOff = createApp({ store: h.store, temporal: new Client({ connection: deadConnection }), taskQueue: h.taskQueue });
  });
  afterAll(async () => {
    await deadConnection?.close();
    await h?.close();
  });

  let n = 0;
  const orderBody = () => JSON.stringify({ reference: `INTAKE-${++n}`, account: 'ACME', dueAt: hoursFromNow(24), workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 1, price: 5 }] });
  const post = (body: string, key: string, headers: Record<string, string> = {}) => h.request('/orders', { method: 'POST', body, headers: { 'idempotency-key': key, ...headers } });
  const act = async (id: string, action: string) => {
    const res = await h.request(`/orders/${id}/actions`, { method: 'POST', body: JSON.stringify({ action }) });
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
    return (await res.json()) as OrderDetail;
  };
  const postCutOff = async (body: string, key: string) =>
    cutOff.request('/orders', { method: 'POST', body, headers: { 'content-type': 'application/json', 'idempotency-key': key, ...(await h.auth('dispatcher')) } });
  /** The order went through intake and its area's pool: with room in the area it does not stay queued for long, so wait for where it stops. */
  const throughThePool = async (id: string) => expect((await h.reach(id, 'assigned')).timeline.map((t) => t.to)).toContain('queued');
  /** Every run Temporal holds under the order's workflow id. */
  const runsOf = async (orderId: string) => {
    const runs: string[] = [];
    for await (const run of h.client.workflow.list({ query: `WorkflowId = '${orderWorkflowId(orderId)}'` })) runs.push(run.runId);
    return runs;
  };

  it('a replayed POST of a closed order answers the order, still closed, and starts no second run', async () => {
    const body = orderBody();
    const first = await post(body, 'closed-replay');
    expect(first.status).toBe(201);
    const order = (await first.json()) as OrderSummary;
    await h.reach(order.id, 'assigned');
    await act(order.id, 'start');
    await act(order.id, 'complete');
    await h.reach(order.id, 'closed');
    await h.client.workflow.getHandle(orderWorkflowId(order.id)).result();

    const again = await post(body, 'closed-replay');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as OrderSummary).id).toBe(order.id);
    const description = await h.client.workflow.getHandle(orderWorkflowId(order.id)).describe();
    expect(description.status.name).toBe('COMPLETED');
    expect((await h.getOrder(order.id)).state).toBe('closed');
    expect(await runsOf(order.id)).toEqual([description.runId]);
  });

  it('an order stored while Temporal is down is answered 202, captured, and the sweepers of two workers start it once', async () => {
    const answers = await Promise.all(['down-1', 'down-2', 'down-3'].map((key) => postCutOff(orderBody(), key)));
    expect(answers.map((r) => r.status)).toEqual([202, 202, 202]);
    const orders = (await Promise.all(answers.map((r) => r.json()))) as OrderSummary[];
    expect(orders.map((o) => o.state)).toEqual(['captured', 'captured', 'captured']);
    await expect(h.client.workflow.getHandle(orderWorkflowId(orders[0]!.id)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);

    // A sweep leaves orders younger than its minimum age to the POST taking them.
    expect(await sweepUnstartedOrders({ store: h.store, temporal: h.client, taskQueue: h.taskQueue, minAgeMs: 60_000 })).toBe(0);
    const sweepers = [1, 2].map(() => runIntakeSweeper({ store: h.store, temporal: h.client, taskQueue: h.taskQueue, minAgeMs: 0, intervalMs: 100 }));
    try {
      for (const order of orders) await throughThePool(order.id);
    } finally {
      await Promise.all(sweepers.map((s) => s.stop()));
    }
    for (const order of orders) expect(await runsOf(order.id)).toHaveLength(1);
    const confirmed = await h.store.em.fork().find(OrderRecord, { id: { $in: orders.map((o) => o.id) } });
    expect(confirmed.every((o) => o.workflowConfirmedAt !== null)).toBe(true);
  });

  it('an API process killed between storing an order and starting its workflow leaves an order the sweeper starts', async () => {
    const reference = `KILLED-${++n}`;
    const body = JSON.stringify({ reference, account: 'ACME', dueAt: hoursFromNow(24), workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 1, price: 5 }] });
    const child = spawn(process.execPath, [`${repoRoot}/test/intake-killed-before-start.ts`, (await h.auth('dispatcher')).authorization!, body], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...storeEnv(h.storeConfig) } });
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });

    const stored = await h.store.em.fork().findOneOrFail(OrderRecord, { reference });
    expect(stored.state).toBe('captured');
    await expect(h.client.workflow.getHandle(orderWorkflowId(stored.id)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    expect(await sweepUnstartedOrders({ store: h.store, temporal: h.client, taskQueue: h.taskQueue, minAgeMs: 0 })).toBe(1);
    await throughThePool(stored.id);
    expect(await runsOf(stored.id)).toHaveLength(1);
  });

  it('a replayed POST starts the workflow the first POST could not', async () => {
    const body = orderBody();
    const first = await postCutOff(body, 'down-then-replayed');
    expect(first.status).toBe(202);
    const again = await post(body, 'down-then-replayed');
    expect(again.status).toBe(200);
    const order = (await again.json()) as OrderSummary;
    expect(order.id).toBe(((await first.json()) as OrderSummary).id);
    await throughThePool(order.id);
    expect(await runsOf(order.id)).toHaveLength(1);
  });

  it('an Idempotency-Key is the caller\'s own: another caller with the same key gets an order of its own', async () => {
    const issued = issueToken();
    const em = h.store.em.fork();
    em.create(ApiTokenRecord, { id: issued.id, name: 'second integration', role: 'dispatcher', secretHash: secretHashOf(issued.secret), createdBy: 'test', createdAt: new Date(), lastUsedAt: null, revokedAt: null });
    await em.flush();
    const body = orderBody();
    const mine = await post(body, 'shared-key');
    const theirs = await post(body, 'shared-key', { authorization: `Bearer ${issued.token}` });
    const mineAgain = await post(body, 'shared-key');
    const theirsAgain = await post(body, 'shared-key', { authorization: `Bearer ${issued.token}` });
    expect([mine.status, theirs.status, mineAgain.status, theirsAgain.status]).toEqual([201, 201, 200, 200]);
    const [a, b, a2, b2] = (await Promise.all([mine, theirs, mineAgain, theirsAgain].map((r) => r.json()))) as OrderSummary[];
    expect(a!.id).not.toBe(b!.id);
    expect(a2!.id).toBe(a!.id);
    expect(b2!.id).toBe(b!.id);
  });

  it.each<{ principal: Principal; scope: string }>([
    { principal: { kind: 'token', tokenId: 't-1', name: 'erp', roles: ['dispatcher'] }, scope: 'token:t-1' },
    { principal: { kind: 'user', userId: 'u-1', name: 'dana', roles: ['dispatcher'], csrfToken: 'c', sessionKey: 's', mustChangePassword: false }, scope: 'user:u-1' },
  ])('a $principal.kind\'s keys are scoped to it: $scope', ({ principal, scope }) => {
    expect(idempotencyScopeOf(principal)).toBe(scope);
  });
});
