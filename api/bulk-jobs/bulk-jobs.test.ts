import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkJob, BulkJobItem, DryRunResult } from '../../domain/bulk-job.ts';
import type { OrderActionRequest, OrderSummary } from '../../domain/order.ts';
import { createBulkJob, entriesByJob } from '../../store/bulk-jobs/bulk-jobs.ts';
import { AuditEntryRecord } from '../../store/audit-entry.entity.ts';
import { createHarness, eventually, type Harness } from '../../test/sluice-harness.ts';

const escalate = { action: 'escalate', reason: 'Customer chasing', role: 'dispatcher' } as const;

/** Bulk jobs through the API, on a real Temporal dev server and store: dry run, run, pause, resume, cancel. */
describe('bulk jobs', () => {
  let h: Harness;
  let orders: OrderSummary[];
  beforeAll(async () => {
    h = await createHarness({ worker: true, wipLimit: 2 });
    // Due within hours, so the evening release rules do not hold them back.
    orders = [];
    for (let i = 0; i < 5; i++) orders.push(await h.postOrder(`BULK-${randomUUID().slice(0, 6)}`, 2));
    await Promise.all(orders.map((o) => eventually(async () => ((s) => (['queued', 'released', 'assigned'].includes(s) ? s : undefined))((await h.getOrder(o.id)).state), `order ${o.id} settled`)));
    // One order past escalating: the job's refused item.
    expect((await h.request(`/orders/${orders[0]!.id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'cancel', reason: 'Duplicate' }) })).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const json = async <T>(res: Response | Promise<Response>, status = 200): Promise<T> => {
    const r = await res;
    const body = (await r.json()) as T;
    expect(r.status, JSON.stringify(body)).toBe(status);
    return body;
  };
  const job = (id: string) => json<BulkJob>(h.request(`/bulk-jobs/${id}`));
  const finished = (id: string) => eventually(async () => ((j) => (j.status === 'done' || j.status === 'cancelled' ? j : undefined))(await job(id)), `bulk job ${id} to finish`, 60_000);
  const selection = () => ({ orderIds: [...orders.map((o) => o.id), 'no-such-order'] });

  it('a dry run says per order whether the action would go through, and why not, and acts on none', async () => {
    const dry = await json<DryRunResult>(h.request('/bulk-jobs/dry-run', { method: 'POST', body: JSON.stringify({ selection: selection(), request: escalate }) }));
    expect(dry).toMatchObject({ total: 6, wouldRun: 4, refused: 2 });
    expect(dry.items).toEqual([
      expect.objectContaining({ orderId: orders[0]!.id, state: 'cancelled', kind: 'lifecycle', reason: expect.stringMatching(/not allowed while the order is cancelled/) }),
      expect.objectContaining({ orderId: 'no-such-order', kind: 'not_found' }),
    ]);
    for (const o of orders.slice(1)) expect((await h.getOrder(o.id)).state).not.toBe('escalated');
    // Finance may not cancel: the role is the reason, for every order.
    const byFinance = await json<DryRunResult>(h.request('/bulk-jobs/dry-run', { method: 'POST', role: 'finance', body: JSON.stringify({ selection: { orderIds: orders.slice(1).map((o) => o.id) }, request: { action: 'cancel', reason: 'x' } }) }));
    expect(byFinance.reasons).toEqual([{ kind: 'role', reason: expect.stringMatching(/needs/), count: 4 }]);
  });

  it('runs as a durable job: each order acted on once and audited with the job, the refused ones with their reasons, the failures as CSV', async () => {
    const made = await json<BulkJob>(h.request('/bulk-jobs', { method: 'POST', body: JSON.stringify({ selection: selection(), request: escalate }) }), 201);
    expect(made).toMatchObject({ action: 'escalate', total: 6, requestedBy: 'token:test dispatcher' });
    const done = await finished(made.id);
    expect(done).toMatchObject({ status: 'done', counts: { done: 4, refused: 2, failed: 0, pending: 0, not_run: 0 } });
    for (const o of orders.slice(1)) {
      expect((await h.getOrder(o.id)).state).toBe('escalated');
      expect(await entriesByJob(h.store.em, o.id, made.id)).toBe(1);
    }
    const refused = await json<{ items: BulkJobItem[] }>(h.request(`/bulk-jobs/${made.id}/items?outcome=refused`));
    expect(refused.items.map((i) => [i.orderId, i.reason])).toEqual([
      [orders[0]!.id, expect.stringMatching(/cancelled/)],
      ['no-such-order', 'The order does not exist.'],
    ]);
    const csv = await h.request(`/bulk-jobs/${made.id}/failures.csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('order,reference,outcome,reason,at');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([orders[0]!.id, 'no-such-order']);
    const jobAudit = await h.store.em.fork().find(AuditEntryRecord, { subjectType: 'bulk_job', subjectId: made.id }, { orderBy: { seq: 'asc' } });
    expect(jobAudit.map((e) => e.action)).toEqual(['bulk_job_created', 'bulk_job_finished']);
    expect((await json<{ jobs: BulkJob[] }>(h.request('/bulk-jobs'))).jobs.map((j) => j.id)).toContain(made.id);
  });

  it('takes every order a GET /orders filter matches', async () => {
    const dry = await json<DryRunResult>(h.request('/bulk-jobs/dry-run', { method: 'POST', body: JSON.stringify({ selection: { filter: `area=${h.workAreaId}&state=escalated` }, request: { action: 'resolve' } }) }));
    expect(dry).toMatchObject({ total: 4, wouldRun: 4 });
  });

  /** A job made in the store whose workflow has not started: a pause or cancel starts it with the signal in hand, so nothing runs before it. */
  const unstarted = async (request: OrderActionRequest) => {
    const id = randomUUID();
    await createBulkJob(h.store.em, { id, request, filter: null, requestedBy: 'token:test dispatcher', requestedRoles: ['dispatcher'], orderIds: orders.slice(1).map((o) => o.id), at: new Date() });
    return id;
  };

  it('pauses before the next chunk and goes on when resumed', async () => {
    const id = await unstarted({ action: 'resolve' });
    expect(await json<BulkJob>(h.request(`/bulk-jobs/${id}/pause`, { method: 'POST' }))).toMatchObject({ status: 'paused', counts: { pending: 4 } });
    expect((await h.request(`/bulk-jobs/${id}/pause`, { method: 'POST' })).status).toBe(409);
    // Someone else's job is theirs to pause or resume.
    expect((await h.request(`/bulk-jobs/${id}/resume`, { method: 'POST', role: 'specialist' })).status).toBe(403);
    expect((await job(id)).counts.pending).toBe(4);
    expect(await json<BulkJob>(h.request(`/bulk-jobs/${id}/resume`, { method: 'POST' }))).toMatchObject({ status: 'running' });
    expect(await finished(id)).toMatchObject({ status: 'done', counts: { done: 4 } });
    for (const o of orders.slice(1)) expect((await h.getOrder(o.id)).state).not.toBe('escalated');
  });

  it('cancelled, it leaves the orders not yet tried as not run', async () => {
    const id = await unstarted(escalate);
    expect(await json<BulkJob>(h.request(`/bulk-jobs/${id}/cancel`, { method: 'POST' }))).toMatchObject({ status: 'cancelling' });
    expect(await finished(id)).toMatchObject({ status: 'cancelled', counts: { not_run: 4, done: 0 } });
    expect((await h.request(`/bulk-jobs/${id}/resume`, { method: 'POST' })).status).toBe(409);
  });

  it.each([
    { what: 'a split, which names one order’s lines', body: { selection: { orderIds: ['a'] }, request: { action: 'split', parts: [[0], [1]] } } },
    { what: 'no orders', body: { selection: { orderIds: [] }, request: escalate } },
    { what: 'more than 10,000 orders', body: { selection: { orderIds: Array.from({ length: 10_001 }, (_, i) => `o-${i}`) }, request: escalate } },
    { what: 'a filter GET /orders refuses', body: { selection: { filter: 'state=nowhere' }, request: escalate } },
    { what: 'a filter that matches nothing', body: { selection: { filter: 'zone=no-such-zone' }, request: escalate } },
  ])('refuses $what with a 400', async ({ body }) => {
    const res = await h.request('/bulk-jobs', { method: 'POST', body: JSON.stringify(body) });
    expect(res.status).toBe(400);
  });
});
