import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../domain/reconciliation/compute-report.ts';
import { dayBounds, yesterdayIn } from '../../domain/reconciliation/site-day.ts';
import { useTempStore } from '../../test/temp-store.ts';
import { AuditEntryRecord } from '../audit-entry.entity.ts';
import { issueDocument, issueKeyOf } from '../documents/issue-documents.ts';
import { OrderRecord } from '../order.entity.ts';
import { projectTransition } from '../order-transition.ts';
import { sqlOn } from '../sql.ts';
import { WorkAreaRecord } from '../work-area.entity.ts';
import { lockedDayOfOrder, readSiteTimeZone } from './day-lock.ts';
import { StockRecord } from '../inventory/stock.entity.ts';
import { dayQueries, listSites, readDay } from './day-readings.ts';
import { readDayStatus, reopenDay, reportHash, signOffDay } from './day-sign-off.ts';

const ZONE = 'Asia/Tokyo';
const HOUR = 3_600_000;

/** A site's day read from the store: seeded rows, each discrepancy found, the day cut in the site's zone; then signed off, locked and reopened. */
describe("a site's day in the store", () => {
  const store = useTempStore();
  const day = yesterdayIn(new Date(), ZONE);
  const { from, to } = dayBounds(day, ZONE);
  const inDay = (hours: number) => new Date(from.getTime() + hours * HOUR);
  let n = 0;

  const addOrder = async (o: { warehouse?: string; createdAt: Date; paymentMode?: 'cod' | 'prepaid'; codAmount?: number; price?: number; assignee?: string }) => {
    const em = store().em.fork();
    if (!(await em.findOne(WorkAreaRecord, { id: 'w1-pool' }))) {
      em.create(WorkAreaRecord, { id: 'w1-pool', name: 'W1 drivers', kind: 'driver_pool', wipLimit: 50, warehouse: 'W1', timeZone: ZONE });
      em.create(WorkAreaRecord, { id: 'w2-pool', name: 'W2 drivers', kind: 'driver_pool', wipLimit: 50, warehouse: 'W2', timeZone: 'UTC' });
    }
    const id = `o-${++n}`;
    const price = o.price ?? 30;
    em.create(OrderRecord, { id, reference: `REF-${n}`, account: 'ACME', kind: 'delivery', statedPriority: 'normal', dueAt: new Date(o.createdAt.getTime() + 48 * HOUR), workAreaId: 'w1-pool', warehouse: o.warehouse ?? 'W1', lines: [{ sku: 'A', qty: 1, price }], orderValue: price, paymentMode: o.paymentMode ?? 'prepaid', codAmount: o.codAmount ?? null, state: 'assigned', assignee: o.assignee ?? null });
    await em.flush();
    await em.getConnection().execute('update orders set created_at = ? where id = ?', [o.createdAt, id]);
    return id;
  };
  const move = (orderId: string, from: string, to: string, at: Date, event = 'TEST', data: Record<string, unknown> | null = null, assignee: string | null = null) =>
    store().em.fork().transactional((tx) => projectTransition(tx, { key: `${orderId}-${to}-${at.getTime()}`, orderId, from: from as never, to: to as never, event, actor: 'test', reason: null, priorityScore: null, escalation: null, holds: [], assignee, data }, at));
  const invoice = (orderId: string, at: Date) =>
    issueDocument(store().em.fork(), { issueKey: issueKeyOf(orderId, 'invoice'), orderId, accountCode: 'ACME', kind: 'invoice', lines: [{ sku: 'A', qty: 1, price: 30 }], total: 30, issuedBy: 'test', issuedAt: at, templateVersion: 1, render: async () => Buffer.from('%PDF-1.7') });
  const read = async (cap?: number) => computeReport(await readDay(store().em.fork(), { site: 'W1', day, timeZone: await readSiteTimeZone(store().em.fork(), 'W1'), from, to }, cap));

  const ids: Record<string, string> = {};
  it('finds every discrepancy of the day, and nothing of another site or day', async () => {
    // A short remittance: 50 due and collected, 40 remitted, closed.
    ids.short = await addOrder({ createdAt: inDay(1), paymentMode: 'cod', codAmount: 50, assignee: 'dana' });
    await move(ids.short, 'in_transit', 'delivered', inDay(3), 'DELIVER', { amount: 50 }, 'dana');
    await move(ids.short, 'delivered', 'awaiting_remit', inDay(3), 'REMIT_DECIDED', null, 'dana');
    await move(ids.short, 'awaiting_remit', 'closed', inDay(5), 'CONFIRM_REMIT', { amount: 40 }, 'dana');
    await invoice(ids.short, inDay(2));
    // Never closed: delivered and collected, the cash never remitted.
    ids.open = await addOrder({ createdAt: inDay(1), paymentMode: 'cod', codAmount: 30, assignee: 'dana' });
    await move(ids.open, 'in_transit', 'delivered', inDay(4), 'DELIVER', { amount: 30 }, 'dana');
    await move(ids.open, 'delivered', 'awaiting_remit', inDay(4), 'REMIT_DECIDED', null, 'dana');
    await invoice(ids.open, inDay(2));
    // An invoice without shipment; and one credited, which is settled.
    ids.unshipped = await addOrder({ createdAt: inDay(2) });
    await invoice(ids.unshipped, inDay(6));
    ids.credited = await addOrder({ createdAt: inDay(2) });
    const credited = await invoice(ids.credited, inDay(6));
    await issueDocument(store().em.fork(), { issueKey: issueKeyOf(credited.id, 'credit_note'), orderId: ids.credited, accountCode: 'ACME', kind: 'credit_note', correctsId: credited.id, reason: 'cancelled', lines: [{ sku: 'A', qty: 1, price: -30 }], total: -30, issuedBy: 'test', issuedAt: inDay(7), templateVersion: 1, render: async () => Buffer.from('%PDF-1.7') });
    // Shipped without an invoice.
    ids.noInvoice = await addOrder({ createdAt: inDay(1) });
    await move(ids.noInvoice, 'in_progress', 'completed', inDay(8));
    await move(ids.noInvoice, 'completed', 'closed', inDay(8));
    // Another site's, and this site's the day before: neither is this day's.
    ids.otherSite = await addOrder({ warehouse: 'W2', createdAt: inDay(1) });
    await move(ids.otherSite, 'in_progress', 'completed', inDay(2));
    ids.dayBefore = await addOrder({ createdAt: inDay(-20) });
    await move(ids.dayBefore, 'in_progress', 'completed', inDay(-10));

    const report = await read();
    const found = report.discrepancies.map((d) => [d.kind, d.orderId]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['short_remittance', ids.short],
        ['not_closed', ids.open],
        ['invoice_without_shipment', ids.unshipped],
        ['shipment_without_invoice', ids.noInvoice],
      ]),
    );
    expect(found).toHaveLength(4);
    expect(report.discrepancies.find((d) => d.kind === 'short_remittance')).toMatchObject({ driver: 'dana', amount: -10 });
    expect(report.figures).toEqual({ captured: 5, released: 0, completed: 3, notClosed: 1, invoicesIssued: 4, codExpected: 80, codCollected: 80, codRemitted: 40 });
    expect(report.drivers).toEqual([{ driver: 'dana', orders: 2, expected: 80, collected: 80, remitted: 40, remitVariance: -40 }]);
    expect(report.timeZone).toBe(ZONE);
  });

  it('lists the sites work areas name and stock is kept in, once each', async () => {
    const em = store().em.fork();
    em.create(StockRecord, { warehouse: 'W3', sku: 'A', onHand: 1, reserved: 0, updatedAt: new Date() });
    em.create(StockRecord, { warehouse: 'W1', sku: 'A', onHand: 1, reserved: 0, updatedAt: new Date() });
    await em.flush();
    expect(await listSites(store().em.fork())).toEqual(['W1', 'W2', 'W3']);
  });

  it('caps each list and counts the rest', async () => {
    const another = await addOrder({ createdAt: inDay(1) });
    await move(another, 'in_progress', 'completed', inDay(9));
    const report = await read(1);
    expect(report.discrepancies.filter((d) => d.kind === 'shipment_without_invoice').map((d) => d.orderId)).toEqual([ids.noInvoice]);
    // It is completed, not closed, too: two lists of two, one row each.
    expect(report).toMatchObject({ discrepancyTotal: 6, truncated: true });
  });

  it('signs the day off once under two sign-offs at once, locks it, and reopens it with a reason, all audited', async () => {
    const report = await read();
    const at = { site: 'W1', day };
    const outcomes = await Promise.all(['fay', 'gus'].map((who) => signOffDay(store().em.fork(), at, report, `user:${who}`, new Date())));
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['already', 'signed_off']);
    const { status, snapshot } = await readDayStatus(store().em.fork(), at);
    expect(status.status).toBe('signed_off');
    expect(snapshot).toEqual(report);
    expect(status.signOff?.sha256).toBe(reportHash(report));
    expect(reportHash(snapshot!)).toBe(status.signOff?.sha256);

    expect(await lockedDayOfOrder(store().em.fork(), ids.open!, new Date())).toEqual({ site: 'W1', day });
    expect(await lockedDayOfOrder(store().em.fork(), ids.otherSite!, new Date())).toBeNull();

    expect(await reopenDay(store().em.fork(), at, 'the driver brought the rest', 'user:fay', new Date())).toBe('reopened');
    expect(await reopenDay(store().em.fork(), at, 'again', 'user:fay', new Date())).toBe('not_signed_off');
    expect(await lockedDayOfOrder(store().em.fork(), ids.open!, new Date())).toBeNull();
    expect((await readDayStatus(store().em.fork(), at)).status).toMatchObject({ status: 'reopened', reopened: { by: 'user:fay', reason: 'the driver brought the rest' } });

    const audit = await store().em.fork().find(AuditEntryRecord, { subjectType: 'reconciliation_day', subjectId: `W1/${day}` }, { orderBy: { seq: 'asc' } });
    expect(audit.map((a) => [a.action, a.actor, a.reason])).toEqual([
      ['day_signed_off', expect.stringMatching(/^user:(fay|gus)$/), null],
      ['day_reopened', 'user:fay', 'the driver brought the rest'],
    ]);
    expect((await signOffDay(store().em.fork(), at, report, 'user:gus', new Date())).outcome).toBe('signed_off');
  });

  it('reads every part of the day from an index range, never a scan of the orders or documents (SQLite)', async (ctx) => {
    // PostgreSQL's plan for a small test table is a scan either way.
    if (store().em.getPlatform() instanceof PostgreSqlPlatform) ctx.skip();
    const em = store().em.fork();
    for (const [name, query] of Object.entries(dayQueries({ site: 'W1', day, timeZone: ZONE, from, to }))) {
      const { rows } = await sql<{ detail: string }>`explain query plan ${query}`.execute(sqlOn(em));
      // A table's rows are found by a range of the day's times, or one by its id or issue key.
      const reads = rows.map((r) => r.detail).filter((d) => /^(SCAN|SEARCH) (orders|documents|[odcfu])\b/.test(d));
      const scans = reads.filter((d) => !/^SEARCH .*(\((id|issue_key)=\?\)|_at>\? AND \w+_at<\?)/.test(d));
      expect(scans, `${name}: ${rows.map((r) => r.detail).join(' | ')}`).toEqual([]);
    }
  });
});
