import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../activities/index.ts';
import type { ImportChunk } from '../activities/import-orders.ts';
import type { ImportRow, ImportSummary } from '../domain/order-import.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { hoursFromNow } from '../test/clock.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';
import type { importOrdersWorkflow } from './import-orders.workflow.ts';

/**
 * The import workflow on the test run's Temporal server, with a worker whose first chunk fails after taking
 * its orders (as a worker that dies before it reports back): Temporal retries the chunk, and no row makes two orders.
 */
describe('importOrdersWorkflow', () => {
  let h: Harness;
  let worker: Worker;
  let running: Promise<void>;
  let connection: NativeConnection;
  const attempts: ImportChunk[] = [];

  beforeAll(async () => {
    h = await createHarness();
    const real = createActivities({ store: h.store, temporal: h.client, taskQueue: h.taskQueue, clock: () => new Date() });
    const takeImportChunk = async (chunk: ImportChunk) => {
      attempts.push(chunk);
      await real.takeImportChunk(chunk);
      if (attempts.length === 1) throw new Error('the worker lost its answer after taking the chunk');
    };
    connection = await NativeConnection.connect({ address: inject('temporalAddress') });
    worker = await Worker.create({ connection, namespace: inject('temporalNamespace'), taskQueue: `${h.taskQueue}-imports`, workflowBundle: await bundleWorkflows(), activities: { ...real, takeImportChunk } });
    running = worker.run();
  }, 120_000);
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await connection?.close();
    await h?.close();
  });

  it('retries a chunk that failed after taking its rows, and takes each row once', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const due = hoursFromNow(6);
    const csv = `reference,account,due,lines\n${[1, 2, 3].map((n) => `W${n}-${tag},ACME,${due},A x${n}`).join('\n')}\n`;
    const upload = await h.request('/imports', { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } });
    const { id } = (await upload.json()) as ImportSummary;
    expect((await h.request(`/imports/${id}/validate`, { method: 'POST' })).status).toBe(200);

    await h.client.workflow.execute<typeof importOrdersWorkflow>('importOrdersWorkflow', { workflowId: `import-test-${id}`, taskQueue: `${h.taskQueue}-imports`, args: [{ importId: id, rows: 3, chunkRows: 2 }] });

    expect(attempts.filter((a) => a.importId === id).map((a) => [a.from, a.to])).toEqual([[1, 2], [1, 2], [3, 3]]);
    const { rows } = (await (await h.request(`/imports/${id}/rows`)).json()) as { rows: ImportRow[] };
    expect(rows.map((r) => r.outcome)).toEqual(['created', 'created', 'created']);
    const orders = await h.store.em.fork().find(OrderRecord, { reference: { $like: `W%-${tag}` } });
    expect(orders.map((o) => o.id).sort()).toEqual(rows.map((r) => r.orderId).sort());
    expect(((await (await h.request(`/imports/${id}`)).json()) as ImportSummary)).toMatchObject({ state: 'done', counts: { processed: 3, created: 3 } });
  });
});
