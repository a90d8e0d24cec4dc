import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_VERSION } from '../../activities/documents/render-document.ts';
import type { DocumentSummary } from '../../domain/document.ts';
import type { OrderSummary } from '../../domain/order.ts';
import { DocumentRecord } from '../../store/documents/document.entity.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';
import { apiRoutes } from '../app.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * An issued document is stored with its template version and the hash of its bytes, reprints exactly those
 * bytes, and never changes: no route edits or deletes one, asking again answers the one stored, and the
 * database refuses an update from any code path.
 */
describe('an issued document never changes', () => {
  let h: Harness;
  let order: OrderSummary;
  let invoice: DocumentSummary;
  beforeAll(async () => {
    h = await createHarness({ worker: true });
    order = await h.postOrder(`IMMUTABLE-${Date.now()}`, 3);
    const res = await h.request(`/orders/${order.id}/documents`, { method: 'POST', role: 'finance', body: JSON.stringify({ kind: 'invoice' }) });
    expect(res.status).toBe(201);
    invoice = (await res.json()) as DocumentSummary;
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const stored = () => h.store.em.fork().findOneOrFail(DocumentRecord, { id: invoice.id }, { populate: ['pdf'] });
  const snapshot = async () => {
    const row = await stored();
    return { number: row.number, total: row.total, lines: row.lines, issuedAt: row.issuedAt.toISOString(), issuedBy: row.issuedBy, sha256: row.sha256, pdf: sha256(row.pdf) };
  };

  it('is stored with its template version and the hash of its stored bytes; a reprint serves exactly those bytes', async () => {
    const row = await stored();
    expect(row.templateVersion).toBe(TEMPLATE_VERSION);
    expect(sha256(row.pdf)).toBe(row.sha256);
    expect(row.size).toBe(row.pdf.length);
    for (let i = 0; i < 2; i++) {
      const res = await h.request(`/documents/${invoice.id}/pdf`, { role: 'dispatcher' });
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe(`"${row.sha256}"`);
      expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(row.pdf))).toBe(true);
    }
  });

  it('has no route that edits or deletes a document: the documents\' routes read, issue or credit', () => {
    const routes = apiRoutes({ store: h.store, temporal: h.client, taskQueue: h.taskQueue }).filter((r) => /documents/.test(r.path));
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(['get /documents/:id/pdf', 'get /orders/:id/documents', 'post /documents/:id/credit-notes', 'post /orders/:id/documents']);
  });

  it('asked again, answers the one stored and takes no number; crediting it leaves it as issued', { timeout: 120_000 }, async () => {
    const before = await snapshot();
    for (const role of ['finance', 'order_processor'] as const) {
      const again = await h.request(`/orders/${order.id}/documents`, { method: 'POST', role, body: JSON.stringify({ kind: 'invoice' }) });
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(invoice);
    }
    const credited = await h.request(`/documents/${invoice.id}/credit-notes`, { method: 'POST', role: 'finance', body: JSON.stringify({ reason: 'Priced twice' }) });
    expect(credited.status).toBe(201);
    expect(await snapshot()).toEqual(before);

    const next = await h.postOrder(`IMMUTABLE-NEXT-${Date.now()}`, 3);
    const following = (await (await h.request(`/orders/${next.id}/documents`, { method: 'POST', role: 'finance', body: JSON.stringify({ kind: 'invoice' }) })).json()) as DocumentSummary;
    expect(Number(following.number!.slice(-6))).toBe(Number(invoice.number!.slice(-6)) + 1);
  });

  it('a cancelled order keeps its invoice, and gets no new papers', { timeout: 120_000 }, async () => {
    expect((await h.request(`/orders/${order.id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'cancel', reason: 'Customer withdrew' }) })).status).toBe(200);
    await h.reach(order.id, 'cancelled');
    const again = await h.request(`/orders/${order.id}/documents`, { method: 'POST', role: 'finance', body: JSON.stringify({ kind: 'invoice' }) });
    expect(again.status).toBe(200);
    expect(((await again.json()) as DocumentSummary).id).toBe(invoice.id);
    const slip = await h.request(`/orders/${order.id}/documents`, { method: 'POST', role: 'dispatcher', body: JSON.stringify({ kind: 'packing_slip' }) });
    expect(slip.status).toBe(409);
    expect(((await slip.json()) as { error: { message: string } }).error.message).toContain('No packing slip for a cancelled order');
  });

  it('the database refuses to change a stored document, whatever the code path', async () => {
    const before = await snapshot();
    const conn = h.store.em.getConnection();
    await expect(conn.execute(`update documents set total = 0 where id = ?`, [invoice.id])).rejects.toThrow(/never changed/);
    await expect(conn.execute(`update documents set pdf = ? where id = ?`, [Buffer.from('%PDF-forged'), invoice.id])).rejects.toThrow(/never changed/);
    expect(await snapshot()).toEqual(before);
  });
});
