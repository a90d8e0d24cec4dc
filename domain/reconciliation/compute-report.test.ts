import { describe, expect, it } from 'vitest';
import { computeReport, orderHref, type DayReadings } from './compute-report.ts';
import { dayBounds, dayOf, siteTimeZone, yesterdayIn } from './site-day.ts';

const DAY_MS = 86_400_000;
const today = new Date().toISOString().slice(0, 10);

const empty = (): DayReadings => ({
  site: 'W1',
  day: today,
  timeZone: 'UTC',
  ...dayBounds(today, 'UTC'),
  counts: { captured: 0, released: 0, completed: 0, invoicesIssued: 0 },
  cash: [],
  collections: { rows: [], total: 0 },
  remittances: { rows: [], total: 0 },
  notClosed: { rows: [], total: 0 },
  invoicesWithoutShipment: { rows: [], total: 0 },
  shipmentsWithoutInvoice: { rows: [], total: 0 },
});

describe('computeReport', () => {
  it.each([
    { what: 'cash collected short', part: { collections: { rows: [{ orderId: 'o1', reference: 'R1', driver: 'd1', expected: 50, collected: 40 }], total: 1 } }, kind: 'short_collection', amount: -10, message: 'R1: driver d1 collected 40.00 of 50.00 due.' },
    { what: 'cash collected over', part: { collections: { rows: [{ orderId: 'o1', reference: null, driver: 'd1', expected: 50, collected: 50.01 }], total: 1 } }, kind: 'over_collection', amount: 0.01, message: 'o1: driver d1 collected 50.01 of 50.00 due.' },
    { what: 'no collection reported', part: { collections: { rows: [{ orderId: 'o1', reference: 'R1', driver: null, expected: 12.5, collected: null }], total: 1 } }, kind: 'short_collection', amount: -12.5, message: 'R1: 12.50 due, no cash collection recorded (nobody).' },
    { what: 'a short remittance', part: { remittances: { rows: [{ orderId: 'o2', reference: 'R2', driver: 'd2', collected: 80, remitted: 70.1 }], total: 1 } }, kind: 'short_remittance', amount: -9.9, message: 'R2: d2 remitted 70.10 of 80.00 collected.' },
    { what: 'an over remittance', part: { remittances: { rows: [{ orderId: 'o2', reference: 'R2', driver: 'd2', collected: 80, remitted: 81 }], total: 1 } }, kind: 'over_remittance', amount: 1, message: 'R2: d2 remitted 81.00 of 80.00 collected.' },
    { what: 'closed with no remittance', part: { remittances: { rows: [{ orderId: 'o2', reference: 'R2', driver: 'd2', collected: 80, remitted: null }], total: 1 } }, kind: 'short_remittance', amount: -80, message: 'R2: closed with 80.00 collected by d2 and no remittance recorded.' },
    { what: 'an order not closed', part: { notClosed: { rows: [{ orderId: 'o3', reference: 'R3', state: 'awaiting_remit' }], total: 1 } }, kind: 'not_closed', amount: null, message: 'R3 is awaiting remit, not closed.' },
    { what: 'an invoice without shipment', part: { invoicesWithoutShipment: { rows: [{ orderId: 'o4', reference: 'R4', invoiceNumber: 'INV-1' }], total: 1 } }, kind: 'invoice_without_shipment', amount: null, message: 'Invoice INV-1 for R4, which has not shipped.' },
    { what: 'a shipment without invoice', part: { shipmentsWithoutInvoice: { rows: [{ orderId: 'o5', reference: 'R5' }], total: 1 } }, kind: 'shipment_without_invoice', amount: null, message: 'R5 shipped with no invoice.' },
  ] satisfies { what: string; part: Partial<DayReadings>; kind: string; amount: number | null; message: string }[])('$what → $kind', ({ part, kind, amount, message }) => {
    const report = computeReport({ ...empty(), ...part });
    expect(report.discrepancies).toHaveLength(1);
    const [d] = report.discrepancies;
    expect(d).toMatchObject({ kind, amount, message, href: orderHref(d!.orderId) });
    expect(report.discrepancyTotal).toBe(1);
    expect(report.truncated).toBe(false);
  });

  it('matching amounts in the candidates are no discrepancy (a float sum that is exact in cents)', () => {
    const report = computeReport({ ...empty(), collections: { rows: [{ orderId: 'o1', reference: null, driver: 'd', expected: 0.1 + 0.2, collected: 0.3 }], total: 1 } });
    expect(report.discrepancies).toEqual([]);
  });

  it('sums cash per driver and in total in cents, sorted by driver, the unassigned named', () => {
    const report = computeReport({
      ...empty(),
      cash: [
        { driver: 'zoe', orders: 2, expected: 100.1, collected: 100.1, remitted: 90 },
        { driver: '', orders: 1, expected: 0.2, collected: 0.1, remitted: 0 },
        { driver: 'amy', orders: 1, expected: 10, collected: 10, remitted: 10 },
      ],
    });
    expect(report.drivers.map((d) => [d.driver, d.remitVariance])).toEqual([
      ['(unassigned)', -0.1],
      ['amy', 0],
      ['zoe', -10.1],
    ]);
    expect(report.figures).toMatchObject({ codExpected: 110.3, codCollected: 110.2, codRemitted: 100 });
  });

  it('a list over its cap says so, and the total counts the rows not read', () => {
    const rows = Array.from({ length: 3 }, (_, i) => ({ orderId: `o${i}`, reference: null, state: 'delivered' }));
    const report = computeReport({ ...empty(), notClosed: { rows, total: 20_000 } });
    expect(report.discrepancies).toHaveLength(3);
    expect(report).toMatchObject({ discrepancyTotal: 20_000, truncated: true, figures: { notClosed: 20_000 } });
  });

  it('links to the order in the orders view, its drawer open', () => {
    expect(orderHref('ord 1')).toBe('?view=orders&desk=all&q=ord+1&order=ord+1');
  });
});

describe('a site day', () => {
  it.each([
    { areas: [{ warehouse: 'W1', timeZone: 'Europe/Amsterdam' }, { warehouse: 'W1', timeZone: 'Europe/Amsterdam' }, { warehouse: 'W2', timeZone: 'Asia/Tokyo' }], zone: 'Europe/Amsterdam' },
    { areas: [{ warehouse: 'W1', timeZone: 'Europe/Amsterdam' }, { warehouse: 'W1', timeZone: 'America/New_York' }], zone: 'UTC' },
    { areas: [{ warehouse: null, timeZone: 'Asia/Tokyo' }], zone: 'UTC' },
  ])('W1 with areas in $areas is cut in $zone', ({ areas, zone }) => {
    expect(siteTimeZone(areas, 'W1')).toBe(zone);
  });

  it('a day in a zone runs from its local midnight to the next', () => {
    const day = yesterdayIn(new Date(), 'Asia/Tokyo');
    const { from, to } = dayBounds(day, 'Asia/Tokyo');
    expect(dayOf(from, 'Asia/Tokyo')).toBe(day);
    expect(dayOf(new Date(to.getTime() - 1), 'Asia/Tokyo')).toBe(day);
    expect(dayOf(to, 'Asia/Tokyo')).not.toBe(day);
    expect(to.getTime() - from.getTime()).toBe(DAY_MS);
  });

  it('a day across a daylight-saving change is 23 or 25 hours: a year from today has one of each in Amsterdam', () => {
    const days = Array.from({ length: 366 }, (_, i) => new Date(Date.now() + i * DAY_MS).toISOString().slice(0, 10));
    const hours = days.map((d) => ((b) => (b.to.getTime() - b.from.getTime()) / 3_600_000)(dayBounds(d, 'Europe/Amsterdam')));
    expect(hours.filter((h) => h !== 24).sort()).toEqual([23, 25]);
  });

  it('yesterday is the day before today in the zone, whatever the day in UTC', () => {
    const now = new Date();
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
      expect(Date.parse(dayOf(now, zone)) - Date.parse(yesterdayIn(now, zone))).toBe(DAY_MS);
    }
  });
});
