import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../domain/document.ts';
import type { NewOrder, OrderDetail, OrderSummary } from '../../domain/order.ts';
import type { ReconciliationDayView } from '../../domain/reconciliation/reconciliation.ts';
import { dayOf } from '../../domain/reconciliation/site-day.ts';
import type { Role } from '../../domain/roles.ts';
import { AuditEntryRecord } from '../../store/audit-entry.entity.ts';
import { hoursFromNow, zoneInDaytime } from '../../test/clock.ts';
import { parseCsv } from '../../test/parse-csv.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';

/**
 * A simulated day through the real stack (dev server, worker, default rules, the API as each role): COD
 * deliveries through the lifecycle and their remits, invoices issued, and seeded discrepancies — a short
 * remittance, an order never closed, an invoice without shipment — each in the day's report; then the day is
 * signed off (one of two sign-offs at once), refuses changes, and is reopened with an audited reason.
 */
describe('end-of-day reconciliation of a simulated day', () => {
  let h: Harness;
  let site: string;
  let zone: string;
  let day: string;
  beforeAll(async () => {
    h = await createHarness({ wipLimit: 50, worker: true });
    site = `S-${h.workAreaId}`;
    zone = zoneInDaytime();
    day = dayOf(new Date(), zone);
    await h.store.em.fork().getConnection().execute('update work_areas set warehouse = ?, time_zone = ? where id = ?', [site, zone, h.workAreaId]);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  let n = 0;
  const post = async (order: Partial<NewOrder>): Promise<OrderSummary> => {
    const res = await h.request('/orders', {
      method: 'POST',
      body: JSON.stringify({ reference: `EOD-${++n}`, account: 'ACME', kind: 'delivery', dueAt: hoursFromNow(30), workAreaId: h.workAreaId, warehouse: site, checks: { addressVerified: true }, lines: [{ sku: 'A', qty: 1, price: 60 }], ...order }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as OrderSummary;
  };
  const act = async (id: string, role: Role, body: Record<string, unknown>) => {
    const res = await h.request(`/orders/${id}/actions`, { method: 'POST', role, body: JSON.stringify({ reason: 'end of day test', ...body }) });
    return { status: res.status, body: (await res.json()) as OrderDetail & { error?: { message: string } } };
  };
  const ok = async (id: string, role: Role, body: Record<string, unknown>) => {
    const answer = await act(id, role, body);
    expect(answer.status, answer.body.error?.message).toBe(200);
    return answer.body;
  };
  const deliver = async (id: string, amount?: number) => {
    await h.reach(id, 'assigned');
    for (const action of ['pick_up', 'depart']) await ok(id, 'dispatcher', { action });
    return ok(id, 'dispatcher', { action: 'deliver', ...(amount === undefined ? {} : { amount }) });
  };
  const invoice = async (orderId: string) => {
    const res = await h.request(`/orders/${orderId}/documents`, { method: 'POST', role: 'order_processor', body: JSON.stringify({ kind: 'invoice' }) });
    return { status: res.status, body: (await res.json()) as DocumentSummary & { error?: { message: string } } };
  };
  const view = async (role: Role = 'finance') => {
    const res = await h.request(`/reconciliation?site=${encodeURIComponent(site)}&day=${day}`, { role });
    expect(res.status).toBe(200);
    return (await res.json()) as ReconciliationDayView;
  };
  const ids: Record<string, string> = {};

  it('lists each seeded discrepancy with a link to its order, and the cash per driver', { timeout: 240_000 }, async () => {
    // Paid in full and remitted in full, invoiced: reconciles.
    ids.clean = (await post({ paymentMode: 'cod', codAmount: 25 })).id;
    expect(await deliver(ids.clean, 25)).toMatchObject({ state: 'awaiting_remit' });
    expect((await invoice(ids.clean)).status).toBe(201);
    expect(await ok(ids.clean, 'finance', { action: 'confirm_remit', amount: 25 })).toMatchObject({ state: 'closed' });
    // A short remittance: 60 collected, 50 remitted (finance reviews it, so it is not closed either).
    ids.short = (await post({ paymentMode: 'cod' })).id;
    await deliver(ids.short, 60);
    expect((await invoice(ids.short)).status).toBe(201);
    await ok(ids.short, 'finance', { action: 'confirm_remit', amount: 50 });
    // Never closed: delivered, the cash never remitted.
    ids.open = (await post({ paymentMode: 'cod', codAmount: 40 })).id;
    await deliver(ids.open, 40);
    expect((await invoice(ids.open)).status).toBe(201);
    // Invoiced, never shipped.
    ids.unshipped = (await post({ paymentMode: 'prepaid' })).id;
    await h.reach(ids.unshipped, 'assigned');
    expect((await invoice(ids.unshipped)).status).toBe(201);
    // On the road when the day is signed off.
    ids.onRoad = (await post({ paymentMode: 'cod', codAmount: 10 })).id;
    await h.reach(ids.onRoad, 'assigned');
    for (const action of ['pick_up', 'depart']) await ok(ids.onRoad, 'dispatcher', { action });

    const { report, status } = await view('order_processor');
    expect(status.status).toBe('open');
    const found = report.discrepancies.map((d) => [d.kind, d.orderId]);
    expect(found).toEqual(expect.arrayContaining([['short_remittance', ids.short], ['not_closed', ids.open], ['invoice_without_shipment', ids.unshipped]]));
    expect(found.filter(([, id]) => id === ids.clean)).toEqual([]);
    expect(report.discrepancies.find((d) => d.kind === 'short_remittance')).toMatchObject({ amount: -10, href: `?view=orders&desk=all&q=${ids.short}&order=${ids.short}` });
    expect(report.figures).toMatchObject({ captured: 5, completed: 3, invoicesIssued: 4, codExpected: 125, codCollected: 125, codRemitted: 75 });
    expect(report.drivers).toEqual([{ driver: `${h.workAreaId} team`, orders: 3, expected: 125, collected: 125, remitted: 75, remitVariance: -50 }]);
    expect((await h.request(`/reconciliation?site=${site}&day=${day}`, { role: 'dispatcher' })).status).toBe(403);
  });

  it('exports the day as CSV and PDF, each discrepancy with its link', { timeout: 60_000 }, async () => {
    const csv = await h.request(`/reconciliation/csv?site=${site}&day=${day}`, { role: 'ops_manager' });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parseCsv(await csv.text());
    const short = rows.find((r) => r[0] === 'Short remittance');
    expect(short?.[1]).toBe(ids.short);
    expect(short?.at(-1)).toMatch(new RegExp(`/\\?view=orders&desk=all&q=${ids.short}&order=${ids.short}$`));
    expect(rows).toContainEqual(['figures', 'COD remitted', '75']);

    const pdf = await h.request(`/reconciliation/pdf?site=${site}&day=${day}`, { role: 'finance' });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(new Uint8Array(await pdf.arrayBuffer()))).pages.join(' ');
    for (const phrase of [`End-of-day reconciliation: ${site}, ${day}`, 'Short remittance', 'Order not closed', 'Invoice without shipment', 'Not signed off.']) expect(text).toContain(phrase);
  });

  it('finance signs the day off once under two sign-offs at once; the order processor may not', async () => {
    expect((await h.request('/reconciliation/sign-off', { method: 'POST', role: 'order_processor', body: JSON.stringify({ site, day }) })).status).toBe(403);
    const answers = await Promise.all([0, 1].map(() => h.request('/reconciliation/sign-off', { method: 'POST', role: 'finance', body: JSON.stringify({ site, day }) })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const { status, report } = await view();
    expect(status).toMatchObject({ status: 'signed_off', signOff: { signedOffBy: 'token:test finance', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(report.discrepancies.map((d) => d.orderId)).toContain(ids.short);
  });

  it('the signed-off day refuses changes: cash collected or remitted, an invoice, a credit note', { timeout: 60_000 }, async () => {
    const message = `${site} ${day} is signed off; reopen it first`;
    for (const [id, role, body] of [
      [ids.open, 'finance', { action: 'confirm_remit', amount: 40 }],
      [ids.onRoad, 'dispatcher', { action: 'deliver', amount: 10 }],
    ] as const) {
      const refused = await act(id!, role, body);
      expect(refused.status).toBe(409);
      expect(refused.body.error?.message).toBe(message);
    }
    expect((await h.getOrder(ids.open!)).state).toBe('awaiting_remit');
    expect((await h.getOrder(ids.onRoad!)).state).toBe('in_transit');
    expect(await invoice(ids.onRoad!)).toMatchObject({ status: 409, body: { error: { message } } });
    const unshippedInvoice = (await (await h.request(`/orders/${ids.unshipped}/documents`)).json()) as { documents: DocumentSummary[] };
    const credit = await h.request(`/documents/${unshippedInvoice.documents[0]!.id}/credit-notes`, { method: 'POST', role: 'finance', body: JSON.stringify({ reason: 'not shipped' }) });
    expect(credit.status).toBe(409);
  });

  it('reopening needs a reason and is audited; the reopened day takes changes again', { timeout: 60_000 }, async () => {
    const reopen = (body: unknown, role: Role = 'finance') => h.request('/reconciliation/reopen', { method: 'POST', role, body: JSON.stringify(body) });
    expect((await reopen({ site, day, reason: '  ' })).status).toBe(400);
    expect((await reopen({ site, day, reason: 'late remittance' }, 'ops_manager')).status).toBe(403);
    const reopened = await reopen({ site, day, reason: 'The driver brought the rest of the cash' });
    expect(reopened.status).toBe(200);
    expect(await reopened.json()).toMatchObject({ status: 'reopened', reopened: { by: 'token:test finance', reason: 'The driver brought the rest of the cash' } });
    expect((await reopen({ site, day, reason: 'again' })).status).toBe(409);

    const audit = await h.store.em.fork().find(AuditEntryRecord, { subjectType: 'reconciliation_day', subjectId: `${site}/${day}` }, { orderBy: { seq: 'asc' } });
    expect(audit.map((a) => [a.action, a.actor, a.reason])).toEqual([
      ['day_signed_off', 'token:test finance', null],
      ['day_reopened', 'token:test finance', 'The driver brought the rest of the cash'],
    ]);
    expect(await ok(ids.open!, 'finance', { action: 'confirm_remit', amount: 40 })).toMatchObject({ state: 'closed' });
    const { report } = await view();
    expect(report.discrepancies.map((d) => d.orderId)).not.toContain(ids.open);
  });
});
