import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { Capped, DayReadings } from '../../domain/reconciliation/compute-report.ts';
import { sqlOn } from '../sql.ts';

/** The most rows each discrepancy list reads (at least one: the total comes with the rows); its total is counted whatever the cap. */
export const DISCREPANCY_CAP = 200;

/** States an order ends in: nothing more happens to it. */
const END_STATES = ['closed', 'cancelled', 'rejected', 'split'];

type N = number | string;
const num = (v: N | null | undefined): number => Number(v ?? 0);
const cents = (v: N | null | undefined): number => num(v) / 100;
const nullable = (v: N | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));

function capped<Row extends { total: N }, Out>(rows: Row[], map: (row: Row) => Out): Capped<Out> {
  return { rows: rows.map(map), total: num(rows[0]?.total) };
}

type DayQuery = { site: string; day: string; timeZone: string; from: Date; to: Date };

/**
 * The statements that read a site's day: counts and per-driver sums aggregated in SQL, discrepancy rows
 * capped with their totals (`count(*) over ()` counts the rows before the limit). Each reads a range of one
 * index (orders by warehouse and capture, release, shipment or due time; documents by kind and issue time),
 * so a busy site's day is read without reading its orders one by one.
 */
export function dayQueries({ site, from, to }: DayQuery, cap = DISCREPANCY_CAP) {
  // An order's invoice and an invoice's credit note are found by their issue keys (issueKeyOf), unique.
  const limit = Math.max(1, cap);
  const inDay = (column: string) => sql`${sql.ref(column)} >= ${from} and ${sql.ref(column)} < ${to}`;
  const shipped = sql`o.warehouse = ${site} and ${inDay('o.finished_at')}`;
  const cod = sql`${shipped} and o.payment_mode = ${'cod'}`;
  const expected = sql`round(coalesce(o.cod_amount, o.order_value, 0) * 100)`;
  return {
    counts: sql<{ captured: N; released: N; completed: N; invoices: N }>`select
      (select count(*) from orders o where o.warehouse = ${site} and ${inDay('o.created_at')}) as captured,
      (select count(*) from orders o where o.warehouse = ${site} and ${inDay('o.released_at')}) as released,
      (select count(*) from orders o where ${shipped}) as completed,
      (select count(*) from documents d join orders o on o.id = d.order_id where d.kind = ${'invoice'} and ${inDay('d.issued_at')} and o.warehouse = ${site}) as invoices`,
    cash: sql<{ driver: string; orders: N; expected: N; collected: N; remitted: N }>`select coalesce(o.assignee, '') as driver, count(*) as orders,
      sum(${expected}) as expected, sum(round(coalesce(o.cod_collected, 0) * 100)) as collected, sum(round(coalesce(o.cod_remitted, 0) * 100)) as remitted
    from orders o where ${cod} group by coalesce(o.assignee, '')`,
    collections: sql<{ id: string; reference: string | null; assignee: string | null; expected: N; collected: N | null; total: N }>`select o.id, o.reference, o.assignee,
      ${expected} as expected, o.cod_collected as collected, count(*) over () as total
    from orders o where ${cod} and (o.cod_collected is null or round(o.cod_collected * 100) <> ${expected})
    order by o.finished_at, o.id limit ${limit}`,
    remittances: sql<{ id: string; reference: string | null; assignee: string | null; collected: N | null; remitted: N | null; total: N }>`select o.id, o.reference, o.assignee,
      o.cod_collected as collected, o.cod_remitted as remitted, count(*) over () as total
    from orders o where ${cod} and (
      (o.cod_remitted is not null and round(o.cod_remitted * 100) <> round(coalesce(o.cod_collected, 0) * 100))
      or (o.cod_remitted is null and o.state = ${'closed'} and round(coalesce(o.cod_collected, 0) * 100) <> 0))
    order by o.finished_at, o.id limit ${limit}`,
    // Two ranges united by id: with an `or`, SQLite read every order of the site.
    notClosed: sql<{ id: string; reference: string | null; state: string; total: N }>`select o.id, o.reference, o.state, count(*) over () as total
    from orders o where o.id in (
        select f.id from orders f where f.warehouse = ${site} and ${inDay('f.finished_at')}
        union select u.id from orders u where ${inDay('u.due_at')} and u.warehouse = ${site})
      and o.state not in (${sql.join(END_STATES)})
    order by o.due_at, o.id limit ${limit}`,
    invoicesWithoutShipment: sql<{ id: string; reference: string | null; number: string | null; total: N }>`select o.id, o.reference, d.number, count(*) over () as total
    from documents d join orders o on o.id = d.order_id
    where d.kind = ${'invoice'} and ${inDay('d.issued_at')} and o.warehouse = ${site} and o.finished_at is null
      and not exists (select 1 from documents c where c.issue_key = d.id || ${':credit_note'})
    order by d.issued_at, d.id limit ${limit}`,
    shipmentsWithoutInvoice: sql<{ id: string; reference: string | null; total: N }>`select o.id, o.reference, count(*) over () as total
    from orders o where ${shipped} and not exists (select 1 from documents d where d.issue_key = o.id || ${':invoice'})
    order by o.finished_at, o.id limit ${limit}`,
  };
}

/** Reads a site's day for its reconciliation (dayQueries), in a dozen statements however busy the day. */
export async function readDay(em: EntityManager, q: DayQuery, cap = DISCREPANCY_CAP): Promise<DayReadings> {
  const db = sqlOn(em);
  const queries = dayQueries(q, cap);
  const counts = await queries.counts.execute(db);
  const cash = await queries.cash.execute(db);
  const collections = await queries.collections.execute(db);
  const remittances = await queries.remittances.execute(db);
  const notClosed = await queries.notClosed.execute(db);
  const invoicesWithoutShipment = await queries.invoicesWithoutShipment.execute(db);
  const shipmentsWithoutInvoice = await queries.shipmentsWithoutInvoice.execute(db);
  const c = counts.rows[0]!;
  return {
    ...q,
    counts: { captured: num(c.captured), released: num(c.released), completed: num(c.completed), invoicesIssued: num(c.invoices) },
    cash: cash.rows.map((r) => ({ driver: r.driver, orders: num(r.orders), expected: cents(r.expected), collected: cents(r.collected), remitted: cents(r.remitted) })),
    collections: capped(collections.rows, (r) => ({ orderId: r.id, reference: r.reference, driver: r.assignee, expected: cents(r.expected), collected: nullable(r.collected) })),
    remittances: capped(remittances.rows, (r) => ({ orderId: r.id, reference: r.reference, driver: r.assignee, collected: nullable(r.collected), remitted: nullable(r.remitted) })),
    notClosed: capped(notClosed.rows, (r) => ({ orderId: r.id, reference: r.reference, state: r.state })),
    invoicesWithoutShipment: capped(invoicesWithoutShipment.rows, (r) => ({ orderId: r.id, reference: r.reference, invoiceNumber: r.number })),
    shipmentsWithoutInvoice: capped(shipmentsWithoutInvoice.rows, (r) => ({ orderId: r.id, reference: r.reference })),
  };
}

/**
 * The sites there are: the warehouses work areas name, and those stock is kept in (orders may name a warehouse
 * that areas serving every site take). Both tables are small; the orders' own warehouses would take a scan.
 */
export async function listSites(em: EntityManager): Promise<string[]> {
  const { rows } = await sql<{ site: string }>`select warehouse as site from work_areas where warehouse is not null
    union select warehouse as site from stock order by site`.execute(sqlOn(em));
  return rows.map((r) => r.site);
}
