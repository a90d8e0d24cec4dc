import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderSummary } from '../../domain/order.ts';
import { DocumentRecord } from '../../store/documents/document.entity.ts';
import { createHarness, eventually, type Harness } from '../../test/sluice-harness.ts';
import { startWorkerProcess, stopProcesses } from '../../test/sluice-processes.ts';

const INVOICES = 30;

/**
 * Invoice numbers under fire: 30 invoices asked for at once, the only worker (which renders and stores
 * them) killed while it is part way; a new worker finishes them, and the series holds 1 to 30, each once.
 */
describe(`${INVOICES} invoices issued at once while their worker is killed`, () => {
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

  it('numbers them without a gap or a number twice', { timeout: 600_000 }, async () => {
    const orders: OrderSummary[] = [];
    for (let i = 0; i < INVOICES; i++) orders.push(await h.postOrder(`INV-CRASH-${i}`, 3));
    const invoices = () => h.store.em.fork().find(DocumentRecord, { kind: 'invoice' }, { orderBy: { seriesNumber: 'asc' } });

    const requests = Promise.all(orders.map((o) => h.request(`/orders/${o.id}/documents`, { method: 'POST', role: 'finance', body: JSON.stringify({ kind: 'invoice' }) })));
    const partWay = await eventually(async () => ((n) => (n > 0 ? n : undefined))((await invoices()).length), 'the first invoice stored', 120_000);
    workers[0]!.kill('SIGKILL');
    workers.push(await startWorkerProcess(h));
    // Each request answers with its invoice, or that it is still being issued when the dead worker's attempts wait for their heartbeat timeout.
    expect((await requests).map((r) => r.status).filter((s) => s !== 201 && s !== 202)).toEqual([]);

    const stored = await eventually(async () => ((rows) => (rows.length === INVOICES ? rows : undefined))(await invoices()), `all ${INVOICES} invoices stored`, 300_000);
    expect(partWay).toBeLessThan(INVOICES);
    expect(stored.map((d) => d.seriesNumber)).toEqual(Array.from({ length: INVOICES }, (_, i) => i + 1));
    expect(new Set(stored.map((d) => d.orderId)).size).toBe(INVOICES);
  });
});
