import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkJob, DryRunResult } from '../../domain/bulk-job.ts';
import { BULK_PRINT_MAX_ORDERS } from '../../domain/bulk-print.ts';
import type { DocumentSummary } from '../../domain/document.ts';
import type { OrderSummary } from '../../domain/order.ts';
import { DocumentRecord } from '../../store/documents/document.entity.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { createHarness, eventually, type Harness } from '../../test/sluice-harness.ts';

const printInvoices = { action: 'print_documents', kind: 'invoice' } as const;

/**
 * Printing an order's invoices as one bulk job on the dev server: the dry run says which cannot be printed and
 * why, the job issues the missing ones once through the per-document path and merges them in the selection's
 * order; a second job over the same orders issues nothing and takes no number.
 */
describe('a bulk print job', () => {
  let h: Harness;
  let orders: OrderSummary[];
  let cancelled: OrderSummary;
  beforeAll(async () => {
    h = await createHarness({ worker: true, wipLimit: 10 });
    orders = [];
    for (let i = 0; i < 5; i++) orders.push(await h.postOrder(`PRINT-${i}-${Date.now()}`, 3));
    cancelled = orders[2]!;
    expect((await h.request(`/orders/${cancelled.id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'cancel', reason: 'Duplicate' }) })).status).toBe(200);
    await h.reach(cancelled.id, 'cancelled');
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  // The selection's order, not the orders' creation order: the merged PDF follows it.
  const selection = () => ({ orderIds: [orders[3]!.id, orders[0]!.id, cancelled.id, orders[4]!.id, orders[1]!.reference!] });
  const invoices = () => h.store.em.fork().find(DocumentRecord, { kind: 'invoice' }, { orderBy: { seriesNumber: 'asc' } });
  const runJob = async (): Promise<BulkJob> => {
    const res = await h.request('/bulk-jobs', { method: 'POST', role: 'finance', body: JSON.stringify({ selection: selection(), request: printInvoices }) });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as BulkJob;
    return eventually(async () => ((job) => (job.status === 'done' ? job : undefined))((await (await h.request(`/bulk-jobs/${id}`, { role: 'finance' })).json()) as BulkJob), `print job ${id} done`, 120_000);
  };
  const mergedOf = async (job: BulkJob) => {
    const res = await h.request(`/bulk-jobs/${job.id}/print.pdf`, { role: 'order_processor' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(job.print!.sha256);
    expect(res.headers.get('etag')).toBe(`"${job.print!.sha256}"`);
    return pdfText(bytes);
  };

  it('dry run: each order but the cancelled one can be printed; the cancelled one says why not', async () => {
    const res = await h.request('/bulk-jobs/dry-run', { method: 'POST', role: 'finance', body: JSON.stringify({ selection: selection(), request: printInvoices }) });
    expect(res.status).toBe(200);
    const dry = (await res.json()) as DryRunResult;
    expect(dry).toMatchObject({ total: 5, wouldRun: 4, refused: 1 });
    expect(dry.items).toEqual([{ orderId: cancelled.id, reference: cancelled.reference, state: 'cancelled', kind: 'lifecycle', reason: 'No invoice for a cancelled order: it is neither sold nor shipped.' }]);

    const specialist = (await (await h.request('/bulk-jobs/dry-run', { method: 'POST', role: 'specialist', body: JSON.stringify({ selection: selection(), request: printInvoices }) })).json()) as DryRunResult;
    expect(specialist).toMatchObject({ wouldRun: 0, refused: 5, reasons: [{ kind: 'role', count: 5 }] });
  });

  it(`refuses more than ${BULK_PRINT_MAX_ORDERS} orders in its dry run and as a job, saying how to go on`, async () => {
    const many = { orderIds: Array.from({ length: BULK_PRINT_MAX_ORDERS + 1 }, (_, i) => `no-such-order-${i}`) };
    for (const path of ['/bulk-jobs/dry-run', '/bulk-jobs']) {
      const res = await h.request(path, { method: 'POST', role: 'finance', body: JSON.stringify({ selection: many, request: printInvoices }) });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/more than 500 orders, the most one print job takes .* print it in parts/);
    }
    // Other bulk jobs keep their own, larger bound.
    expect((await h.request('/bulk-jobs/dry-run', { method: 'POST', role: 'finance', body: JSON.stringify({ selection: many, request: { action: 'hold', holdType: 'manual', reason: 'Count' } }) })).status).toBe(200);
  });

  it('issues each missing invoice once, keeps the one issued before, and merges them in the selection\'s order', { timeout: 180_000 }, async () => {
    const before = (await (await h.request(`/orders/${orders[0]!.id}/documents`, { method: 'POST', role: 'finance', body: JSON.stringify({ kind: 'invoice' }) })).json()) as DocumentSummary;
    const job = await runJob();
    expect(job.counts).toMatchObject({ done: 4, refused: 1, failed: 0 });
    expect(job.print).toMatchObject({ kind: 'invoice', documents: 4, pages: 4, problem: null });

    const stored = await invoices();
    expect(stored.map((d) => d.seriesNumber)).toEqual([1, 2, 3, 4]);
    expect(stored.find((d) => d.orderId === orders[0]!.id)!.id).toBe(before.id);
    expect(stored.map((d) => d.orderId)).not.toContain(cancelled.id);

    const { pages } = await mergedOf(job);
    const expected = [orders[3]!, orders[0]!, orders[4]!, orders[1]!];
    expect(pages).toHaveLength(4);
    expected.forEach((order, i) => {
      const invoice = stored.find((d) => d.orderId === order.id)!;
      expect(pages[i]).toContain(`Invoice ${invoice.number}`);
      expect(pages[i]).toContain(order.reference!);
    });
    const items = (await (await h.request(`/bulk-jobs/${job.id}/items?outcome=refused`, { role: 'finance' })).json()) as { items: { orderId: string; reason: string }[] };
    expect(items.items).toEqual([expect.objectContaining({ orderId: cancelled.id, reason: 'No invoice for a cancelled order: it is neither sold nor shipped.' })]);
  });

  it('a second job over the same orders issues nothing new and prints the same invoices', { timeout: 180_000 }, async () => {
    const first = await invoices();
    const job = await runJob();
    expect(job.print).toMatchObject({ documents: 4, pages: 4 });
    const again = await invoices();
    expect(again.map((d) => [d.id, d.number, d.sha256])).toEqual(first.map((d) => [d.id, d.number, d.sha256]));
    expect((await mergedOf(job)).pages.map((p) => p.match(/Invoice INV-\d{4}-\d{6}/)![0])).toEqual(
      [orders[3]!, orders[0]!, orders[4]!, orders[1]!].map((o) => `Invoice ${first.find((d) => d.orderId === o.id)!.number}`),
    );
  });

  it('answers 404 for the merged PDF of a job that is not a print job or does not exist', async () => {
    expect((await h.request('/bulk-jobs/nope/print.pdf')).status).toBe(404);
  });
});
