import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountExposure } from '../../domain/account.ts';
import type { DocumentSummary } from '../../domain/document.ts';
import type { OrderSummary } from '../../domain/order.ts';
import { OrderTrackingRecord } from '../../store/documents/document.entity.ts';
import { hoursFromNow } from '../../test/clock.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';

// Scripts DejaVu covers (Latin, Greek, Cyrillic); it has no CJK glyphs.
const ACCOUNT = 'Żółć & Søn — Ελληνικά Москва';

/** Documents issued through the API, rendered by the worker's activity, read back from their PDFs. */
describe('an order\'s documents', () => {
  let h: Harness;
  let order: OrderSummary;
  beforeAll(async () => {
    h = await createHarness({ worker: true });
    const res = await h.request('/orders', {
      method: 'POST',
      body: JSON.stringify({ reference: `DOC-${Date.now()}`, account: ACCOUNT, dueAt: hoursFromNow(3), workAreaId: h.workAreaId, zone: 'North', lines: [{ sku: 'BOLT-Ø8', qty: 3, price: 2.5 }, { sku: 'NUT-M8', qty: 10, price: 0.4 }] }),
    });
    order = (await res.json()) as OrderSummary;
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const issue = (kind: string, role: 'dispatcher' | 'finance' = 'dispatcher') => h.request(`/orders/${order.id}/documents`, { method: 'POST', role, body: JSON.stringify({ kind }) });
  const pdfOf = async (id: string) => {
    const res = await h.request(`/documents/${id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    return new Uint8Array(await res.arrayBuffer());
  };

  it('issues an invoice once, numbered in its year\'s series; a reissue and a reprint give the same bytes', { timeout: 120_000 }, async () => {
    const first = await issue('invoice', 'finance');
    expect(first.status).toBe(201);
    const invoice = (await first.json()) as DocumentSummary;
    expect(invoice).toMatchObject({ kind: 'invoice', number: `INV-${new Date().getUTCFullYear()}-000001`, templateVersion: 1, orderId: order.id });

    const again = await issue('invoice');
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(invoice);

    const bytes = await pdfOf(invoice.id);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(invoice.sha256);
    expect(await pdfOf(invoice.id)).toEqual(bytes);

    const { pages, sizes } = await pdfText(bytes);
    expect(sizes[0]).toEqual([595, 842]);
    const text = pages.join(' ');
    for (const expected of [`Invoice ${invoice.number}`, ACCOUNT, 'BOLT-Ø8', 'NUT-M8', 'Total: 11.50', order.reference!]) expect(text).toContain(expected);
  });

  it('credits the invoice with a credit note of its own number that names it; the invoice stays as issued', { timeout: 120_000 }, async () => {
    const { documents } = (await (await h.request(`/orders/${order.id}/documents`)).json()) as { documents: DocumentSummary[] };
    const invoice = documents.find((d) => d.kind === 'invoice')!;
    const before = await pdfOf(invoice.id);

    const res = await h.request(`/documents/${invoice.id}/credit-notes`, { method: 'POST', role: 'finance', body: JSON.stringify({ reason: 'Two bolts arrived bent' }) });
    expect(res.status).toBe(201);
    const note = (await res.json()) as DocumentSummary;
    expect(note).toMatchObject({ kind: 'credit_note', number: `CN-${new Date().getUTCFullYear()}-000001`, correctsId: invoice.id, reason: 'Two bolts arrived bent' });
    const text = (await pdfText(await pdfOf(note.id))).pages.join(' ');
    for (const expected of [`Credit note ${note.number}`, `Corrects invoice: ${invoice.number}`, 'Two bolts arrived bent', 'Total: -11.50']) expect(text).toContain(expected);

    expect(await pdfOf(invoice.id)).toEqual(before);
    const twice = await h.request(`/documents/${invoice.id}/credit-notes`, { method: 'POST', role: 'finance', body: JSON.stringify({ reason: 'again' }) });
    expect(twice.status).toBe(200);
    expect(((await twice.json()) as DocumentSummary).id).toBe(note.id);
    const ofNote = await h.request(`/documents/${note.id}/credit-notes`, { method: 'POST', role: 'finance', body: JSON.stringify({ reason: 'a note of a note' }) });
    expect(ofNote.status).toBe(409);
  });

  it('an invoice and its credit note move the account\'s receivable in their transaction; an invoiced open order is not counted twice', { timeout: 120_000 }, async () => {
    const code = `DOC-ACCT-${Date.now()}`;
    expect((await h.request('/accounts', { method: 'POST', role: 'admin', body: JSON.stringify({ code, name: 'Invoiced Ltd' }) })).status).toBe(201);
    const placed = await h.request('/orders', { method: 'POST', body: JSON.stringify({ account: code, dueAt: hoursFromNow(3), workAreaId: h.workAreaId, lines: [{ sku: 'BOLT', qty: 4, price: 2.5 }] }) });
    const { id } = (await placed.json()) as OrderSummary;
    const exposure = async () => (await (await h.request(`/accounts/${encodeURIComponent(code)}/exposure`)).json()) as AccountExposure;
    expect(await exposure()).toMatchObject({ openOrderValue: 10, invoiced: 0, receivable: 0, exposure: 10 });

    const invoice = (await (await h.request(`/orders/${id}/documents`, { method: 'POST', role: 'finance', body: JSON.stringify({ kind: 'invoice' }) })).json()) as DocumentSummary;
    expect(await exposure()).toMatchObject({ openOrderValue: 0, invoiced: 10, receivable: 10, exposure: 10 });
    // Asking again finds the stored invoice and posts nothing more.
    await h.request(`/orders/${id}/documents`, { method: 'POST', role: 'finance', body: JSON.stringify({ kind: 'invoice' }) });
    expect(await exposure()).toMatchObject({ invoiced: 10, receivable: 10 });

    await h.request(`/documents/${invoice.id}/credit-notes`, { method: 'POST', role: 'finance', body: JSON.stringify({ reason: 'Goodwill' }) });
    expect(await exposure()).toMatchObject({ invoiced: 10, credited: 10, receivable: 0, exposure: 0 });
  });

  it('prints a 100×150 mm shipping label with the reference under its Code 128 and the tracking link of an unguessable token', { timeout: 120_000 }, async () => {
    const res = await issue('shipping_label');
    expect(res.status).toBe(201);
    const label = (await res.json()) as DocumentSummary;
    const tracking = await h.store.em.fork().findOneOrFail(OrderTrackingRecord, { orderId: order.id });
    expect(tracking.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(tracking.token).not.toContain(order.id);
    const { pages, sizes } = await pdfText(await pdfOf(label.id));
    expect(sizes).toEqual([[283, 425]]);
    expect(pages[0]).toContain(order.reference!);
    expect(pages[0]).toContain(`/track/${tracking.token}`);
  });

  it.each(['packing_slip', 'pick_list'])('prints a %s with the lines and no prices', { timeout: 120_000 }, async (kind) => {
    const res = await issue(kind);
    expect(res.status).toBe(201);
    const text = (await pdfText(await pdfOf(((await res.json()) as DocumentSummary).id))).pages.join(' ');
    expect(text).toContain('BOLT-Ø8');
    expect(text).toContain('Units: 13');
    expect(text).not.toContain('2.50');
  });

  it('lists the order\'s documents, and answers 404 for an order or a document that does not exist', async () => {
    const { documents } = (await (await h.request(`/orders/${order.id}/documents`)).json()) as { documents: DocumentSummary[] };
    expect(documents.map((d) => d.kind).sort()).toEqual(['credit_note', 'invoice', 'packing_slip', 'pick_list', 'shipping_label']);
    expect((await h.request('/orders/nope/documents')).status).toBe(404);
    expect((await h.request('/orders/nope/documents', { method: 'POST', body: JSON.stringify({ kind: 'invoice' }) })).status).toBe(404);
    expect((await h.request('/documents/nope/pdf')).status).toBe(404);
  });
});
