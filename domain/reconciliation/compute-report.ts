import type { Discrepancy, DiscrepancyKind, DriverCash, ReconciliationReport } from './reconciliation.ts';

/** What the store reads for a site's day, every list capped: the rows up to the cap and how many there are. */
export interface DayReadings {
  site: string;
  day: string;
  timeZone: string;
  from: Date;
  to: Date;
  counts: { captured: number; released: number; completed: number; invoicesIssued: number };
  /** Cash-on-delivery orders finished on the day, summed per driver (the assignee; '' when nobody had the order). */
  cash: { driver: string; orders: number; expected: number; collected: number; remitted: number }[];
  /** COD orders finished on the day whose collection differs from what was due (collected null: nobody reported it). */
  collections: Capped<{ orderId: string; reference: string | null; driver: string | null; expected: number; collected: number | null }>;
  /** COD orders finished on the day whose remittance differs from the cash collected, or that closed with none recorded. */
  remittances: Capped<{ orderId: string; reference: string | null; driver: string | null; collected: number | null; remitted: number | null }>;
  /** Orders due or finished on the day that are not in an end state. */
  notClosed: Capped<{ orderId: string; reference: string | null; state: string }>;
  /** Invoices issued on the day, not credited, whose order has not shipped. */
  invoicesWithoutShipment: Capped<{ orderId: string; reference: string | null; invoiceNumber: string | null }>;
  /** Orders shipped (delivered or completed) on the day with no invoice. */
  shipmentsWithoutInvoice: Capped<{ orderId: string; reference: string | null }>;
}

export interface Capped<Row> {
  rows: Row[];
  total: number;
}

/** Money is summed and compared in cents: the amounts are stored with two decimals, as floats. */
const cents = (amount: number | null): number => Math.round((amount ?? 0) * 100);
const fromCents = (c: number): number => c / 100;
const show = (c: number): string => (c / 100).toFixed(2);

/** The app's URL of an order: the orders view with its drawer open (designer/src/orders/table/orders-view-state.ts). */
export const orderHref = (orderId: string): string => `?${new URLSearchParams({ view: 'orders', desk: 'all', q: orderId, order: orderId })}`;

const named = (reference: string | null, orderId: string) => reference ?? orderId;

/** The report of a site's day, from its readings; pure, so a signed-off snapshot can be recomputed and compared. */
export function computeReport(r: DayReadings): ReconciliationReport {
  const discrepancies: Discrepancy[] = [];
  const add = (kind: DiscrepancyKind, row: { orderId: string; reference: string | null }, message: string, extra: { driver?: string | null; amount?: number | null } = {}) =>
    discrepancies.push({ kind, orderId: row.orderId, reference: row.reference, driver: extra.driver ?? null, amount: extra.amount ?? null, message, href: orderHref(row.orderId) });

  for (const row of r.collections.rows) {
    const diff = cents(row.collected) - cents(row.expected);
    const who = row.driver ? `driver ${row.driver}` : 'nobody';
    if (row.collected === null) add('short_collection', row, `${named(row.reference, row.orderId)}: ${show(cents(row.expected))} due, no cash collection recorded (${who}).`, { driver: row.driver, amount: fromCents(-cents(row.expected)) });
    else if (diff !== 0) add(diff < 0 ? 'short_collection' : 'over_collection', row, `${named(row.reference, row.orderId)}: ${who} collected ${show(cents(row.collected))} of ${show(cents(row.expected))} due.`, { driver: row.driver, amount: fromCents(diff) });
  }
  for (const row of r.remittances.rows) {
    const diff = cents(row.remitted) - cents(row.collected);
    const who = row.driver ?? 'nobody';
    if (row.remitted === null) add('short_remittance', row, `${named(row.reference, row.orderId)}: closed with ${show(cents(row.collected))} collected by ${who} and no remittance recorded.`, { driver: row.driver, amount: fromCents(-cents(row.collected)) });
    else if (diff !== 0) add(diff < 0 ? 'short_remittance' : 'over_remittance', row, `${named(row.reference, row.orderId)}: ${who} remitted ${show(cents(row.remitted))} of ${show(cents(row.collected))} collected.`, { driver: row.driver, amount: fromCents(diff) });
  }
  for (const row of r.notClosed.rows) add('not_closed', row, `${named(row.reference, row.orderId)} is ${row.state.replaceAll('_', ' ')}, not closed.`);
  for (const row of r.invoicesWithoutShipment.rows) add('invoice_without_shipment', row, `Invoice ${row.invoiceNumber ?? '(unnumbered)'} for ${named(row.reference, row.orderId)}, which has not shipped.`);
  for (const row of r.shipmentsWithoutInvoice.rows) add('shipment_without_invoice', row, `${named(row.reference, row.orderId)} shipped with no invoice.`);

  const lists = [r.collections, r.remittances, r.notClosed, r.invoicesWithoutShipment, r.shipmentsWithoutInvoice];
  const drivers: DriverCash[] = [...r.cash]
    .sort((a, b) => a.driver.localeCompare(b.driver))
    .map((d) => ({ driver: d.driver || '(unassigned)', orders: d.orders, expected: fromCents(cents(d.expected)), collected: fromCents(cents(d.collected)), remitted: fromCents(cents(d.remitted)), remitVariance: fromCents(cents(d.remitted) - cents(d.collected)) }));
  const sum = (pick: (d: DayReadings['cash'][number]) => number) => fromCents(r.cash.reduce((acc, d) => acc + cents(pick(d)), 0));
  return {
    site: r.site,
    day: r.day,
    timeZone: r.timeZone,
    from: r.from.toISOString(),
    to: r.to.toISOString(),
    figures: {
      ...r.counts,
      notClosed: r.notClosed.total,
      codExpected: sum((d) => d.expected),
      codCollected: sum((d) => d.collected),
      codRemitted: sum((d) => d.remitted),
    },
    drivers,
    discrepancies,
    // A collection and a remittance of one order are two discrepancies; every list's total counts its own.
    discrepancyTotal: discrepancies.length + lists.reduce((acc, l) => acc + Math.max(0, l.total - l.rows.length), 0),
    truncated: lists.some((l) => l.total > l.rows.length),
  };
}
