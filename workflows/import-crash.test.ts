import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../domain/order-import.ts';
import { OrderImportRecord } from '../store/order-import.entity.ts';
import { pageImportRows } from '../store/order-imports.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { hoursFromNow } from '../test/clock.ts';
import { createHarness, eventually, type Harness } from '../test/sluice-harness.ts';
import { startWorkerProcess, stopProcesses } from '../test/sluice-processes.ts';

const GOOD = 400;
const BAD = 10;

/**
 * THE crash test of imports: the only worker, which takes the import's chunks (250 rows each) and runs the
 * orders' workflows, is killed once the first chunk has written some of its orders; a new worker takes that
 * chunk again and the rest. Every good row made exactly one order, none lost, none doubled, and each row's
 * result names its order.
 */
describe(`an import of ${GOOD + BAD} rows whose worker is killed mid-import`, () => {
  let h: Harness;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    h = await createHarness({ wipLimit: 1_000 });
    workers.push(await startWorkerProcess(h));
  }, 120_000);
  afterAll(async () => {
    await stopProcesses(workers);
    await h?.close();
  });

  const importOf = (id: string) => h.store.em.fork().findOneOrFail(OrderImportRecord, { id });
  const ordersOf = (tag: string) => h.store.em.fork().find(OrderRecord, { reference: { $like: `IMP-${tag}-%` } }, { fields: ['id', 'reference'] });

  it('finishes on another worker with one order per good row and a result per row that agrees', { timeout: 600_000 }, async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    // Due within hours, so the evening release rules do not hold them back; every 41st row has a quantity of 0.
    const due = hoursFromNow(6);
    const rows = Array.from({ length: GOOD + BAD }, (_, i) => `IMP-${tag}-${i + 1},ACME,${due},A x${i % 41 === 40 ? 0 : 1}`);
    const upload = await h.request('/imports', { method: 'POST', body: `reference,account,due,lines\n${rows.join('\n')}\n`, headers: { 'content-type': 'text/csv' } });
    expect(upload.status).toBe(201);
    const { id } = (await upload.json()) as ImportSummary;
    const validated = await h.request(`/imports/${id}/validate`, { method: 'POST' });
    expect(validated.status).toBe(200);
    expect(((await validated.json()) as ImportSummary).counts).toMatchObject({ valid: GOOD, invalid: BAD });

    expect((await h.request(`/imports/${id}/run`, { method: 'POST' })).status).toBe(202);
    await eventually(async () => ((await ordersOf(tag)).length > 0 ? true : undefined), 'the first chunk to write its first orders', 120_000);
    workers[0]!.kill('SIGKILL');
    // Killed part way: rows were left to the next worker.
    const atKill = await importOf(id);
    expect(atKill.state).not.toBe('done');
    expect(atKill.processed).toBeLessThan(GOOD + BAD);
    workers.push(await startWorkerProcess(h));

    const done = await eventually(async () => ((r) => (r.state === 'done' ? r : undefined))(await importOf(id)), 'the import to finish on the new worker', 300_000);
    expect(done).toMatchObject({ processed: GOOD + BAD, created: GOOD, rejected: BAD, duplicates: 0 });

    const orders = await ordersOf(tag);
    expect(orders).toHaveLength(GOOD);
    expect(new Set(orders.map((o) => o.reference)).size).toBe(GOOD);
    const results = await pageImportRows(h.store.em.fork(), id, null, 0, GOOD + BAD);
    expect(results.map((r) => r.row)).toEqual(rows.map((_, i) => i + 1));
    const byReference = new Map(orders.map((o) => [o.reference, o.id]));
    for (const r of results) {
      const good = r.row % 41 !== 0;
      expect({ row: r.row, outcome: r.outcome, orderId: r.orderId }).toEqual({ row: r.row, outcome: good ? 'created' : 'rejected', orderId: good ? byReference.get(`IMP-${tag}-${r.row}`) : null });
    }
  });
});
