import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkJob } from '../domain/bulk-job.ts';
import type { OrderSummary } from '../domain/order.ts';
import { entriesByJob } from '../store/bulk-jobs/bulk-jobs.ts';
import { createHarness, eventually, type Harness } from '../test/sluice-harness.ts';
import { startWorkerProcess, stopProcesses } from '../test/sluice-processes.ts';

const ORDERS = 40;

/**
 * THE crash test of bulk jobs: the only worker, which runs the job's chunk and the orders' workflows, is
 * killed while the job is part way; a new worker finishes it, and every order was acted on exactly once
 * (one audit entry of the job on each), none twice, none lost.
 */
describe(`a bulk job over ${ORDERS} orders whose worker is killed mid-job`, () => {
  let h: Harness;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    h = await createHarness({ wipLimit: 100 });
    workers.push(await startWorkerProcess(h));
  }, 120_000);
  afterAll(async () => {
    await stopProcesses(workers);
    await h?.close();
  });

  const job = async (id: string) => (await (await h.request(`/bulk-jobs/${id}`)).json()) as BulkJob;

  it('finishes on another worker with every order acted on exactly once', { timeout: 600_000 }, async () => {
    const orders: OrderSummary[] = [];
    // Due within hours, so the evening release rules do not hold them back.
    for (let i = 0; i < ORDERS; i++) orders.push(await h.postOrder(`CRASH-${randomUUID().slice(0, 6)}`, 2));
    await Promise.all(orders.map((o) => eventually(async () => ((s) => (['queued', 'released', 'assigned'].includes(s) ? s : undefined))((await h.getOrder(o.id)).state), `order ${o.id} settled`, 120_000)));

    const res = await h.request('/bulk-jobs', { method: 'POST', body: JSON.stringify({ selection: { orderIds: orders.map((o) => o.id) }, request: { action: 'escalate', reason: 'Carrier strike', role: 'dispatcher' } }) });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as BulkJob;

    const partWay = await eventually(async () => ((j) => (j.counts.done > 0 ? j : undefined))(await job(id)), 'the job to act on its first order', 120_000);
    workers[0]!.kill('SIGKILL');
    // Killed part way: orders were left to the next worker (the job's items are acted on 8 at a time).
    expect(partWay.counts.pending).toBeGreaterThan(0);
    workers.push(await startWorkerProcess(h));

    const finished = await eventually(async () => ((j) => (j.status === 'done' ? j : undefined))(await job(id)), 'the job to finish on the new worker', 300_000);
    expect(finished.counts).toEqual({ pending: 0, done: ORDERS, refused: 0, failed: 0, not_run: 0 });
    const entries = await Promise.all(orders.map((o) => entriesByJob(h.store.em, o.id, id)));
    expect(entries).toEqual(orders.map(() => 1));
    for (const o of orders) expect((await h.getOrder(o.id)).state).toBe('escalated');
  });
});
