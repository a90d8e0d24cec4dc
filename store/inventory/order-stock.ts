import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { jsonOf, sqlOn, type JsonColumn } from '../sql.ts';

type Line = { sku: string; qty: number; price: number };

/** What an order asks of the stock: its lines, its warehouse and account, with the SKUs the catalogue knows. */
export interface OrderDemand {
  orderId: string;
  warehouse: string | null;
  account: string;
  lines: Line[];
  /** Active catalogue SKUs among the lines. */
  known: Set<string>;
}

export async function readOrderDemand(em: EntityManager, orderId: string): Promise<OrderDemand | null> {
  const db = sqlOn(em);
  const { rows } = await sql<{ warehouse: string | null; account: string; lines: JsonColumn<Line[]> }>`select warehouse, account, lines from orders where id = ${orderId}`.execute(db);
  if (!rows[0]) return null;
  const lines = jsonOf(rows[0].lines);
  const skus = [...new Set(lines.map((l) => l.sku))];
  const known = skus.length === 0 ? [] : (await sql<{ sku: string }>`select sku from products where active = ${true} and sku in (${sql.join(skus)})`.execute(db)).rows.map((r) => r.sku);
  return { orderId, warehouse: rows[0].warehouse, account: rows[0].account, lines, known: new Set(known) };
}

/** Each catalogue SKU's quantity over the order's lines, sorted by SKU: every order locks stock rows in that one order, so two never wait on each other. */
export function demandBySku(demand: OrderDemand): [string, number][] {
  const by = new Map<string, number>();
  for (const l of demand.lines) if (demand.known.has(l.sku)) by.set(l.sku, (by.get(l.sku) ?? 0) + l.qty);
  return [...by].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** How many lines name a SKU in `short`. */
export const linesNaming = (demand: OrderDemand, short: ReadonlySet<string>): number => demand.lines.filter((l) => short.has(l.sku)).length;

/** Whether the order holds a reservation now (made at its acceptance, or by a receipt that cleared its hold). */
export async function holdsReservation(em: EntityManager, orderId: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from reservations where order_id = ${orderId} and status = ${'reserved'}`.execute(sqlOn(em));
  return Number(rows[0]?.n ?? 0) > 0;
}

/**
 * Reserves all the order's catalogue lines in its warehouse, or none: the SKUs that could not be covered,
 * empty when all were. Each SKU is one conditional update of its stock row, which takes what is free only
 * if enough is: two transactions after the last units cannot both take them (PostgreSQL re-reads the row
 * the second waited on; SQLite lets one writer in at a time). In `tx`'s transaction, the fact's own.
 */
export async function reserveOrder(tx: EntityManager, demand: OrderDemand & { warehouse: string }, now: Date): Promise<Set<string>> {
  const db = sqlOn(tx);
  if (await holdsReservation(tx, demand.orderId)) return new Set();
  const taken: [string, number][] = [];
  const short = new Set<string>();
  for (const [sku, qty] of demandBySku(demand)) {
    const { rows } = await sql<{ sku: string }>`update stock set reserved = reserved + ${qty}, updated_at = ${now}
      where warehouse = ${demand.warehouse} and sku = ${sku} and on_hand - reserved >= ${qty} returning sku`.execute(db);
    if (rows.length === 0) short.add(sku);
    else taken.push([sku, qty]);
  }
  if (short.size > 0) {
    for (const [sku, qty] of taken) await sql`update stock set reserved = reserved - ${qty}, updated_at = ${now} where warehouse = ${demand.warehouse} and sku = ${sku}`.execute(db);
    return short;
  }
  for (const [sku, qty] of taken) {
    await sql`insert into reservations (order_id, sku, warehouse, qty, status, created_at, updated_at)
      values (${demand.orderId}, ${sku}, ${demand.warehouse}, ${qty}, ${'reserved'}, ${now}, ${now})
      on conflict (order_id, sku) do update set warehouse = excluded.warehouse, qty = excluded.qty, status = excluded.status, updated_at = excluded.updated_at`.execute(db);
  }
  return short;
}

/** The SKUs the warehouse cannot cover now, without reserving: for facts read outside a decision (a rules test run). */
export async function shortWithoutReserving(em: EntityManager, demand: OrderDemand & { warehouse: string }): Promise<Set<string>> {
  if (await holdsReservation(em, demand.orderId)) return new Set();
  const wanted = demandBySku(demand);
  if (wanted.length === 0) return new Set();
  const { rows } = await sql<{ sku: string; free: number }>`select sku, on_hand - reserved as free from stock
    where warehouse = ${demand.warehouse} and sku in (${sql.join(wanted.map(([sku]) => sku))})`.execute(sqlOn(em));
  const free = new Map(rows.map((r) => [r.sku, Number(r.free)]));
  return new Set(wanted.filter(([sku, qty]) => (free.get(sku) ?? 0) < qty).map(([sku]) => sku));
}

/**
 * Ends the order's reservations: `released` gives the units back to the warehouse's free stock (cancelled,
 * rejected, returned, held), `consumed` takes them out of it (completed). Each reservation ends once: the
 * update of its row says whether this transaction is the one that ended it.
 */
export async function endReservations(tx: EntityManager, orderId: string, how: 'released' | 'consumed', now: Date): Promise<number> {
  const db = sqlOn(tx);
  const { rows } = await sql<{ sku: string; warehouse: string; qty: number }>`update reservations set status = ${how}, updated_at = ${now}
    where order_id = ${orderId} and status = ${'reserved'} returning sku, warehouse, qty`.execute(db);
  const ended = [...rows].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  for (const r of ended) {
    await (how === 'consumed'
      ? sql`update stock set reserved = reserved - ${r.qty}, on_hand = on_hand - ${r.qty}, updated_at = ${now} where warehouse = ${r.warehouse} and sku = ${r.sku}`
      : sql`update stock set reserved = reserved - ${r.qty}, updated_at = ${now} where warehouse = ${r.warehouse} and sku = ${r.sku}`
    ).execute(db);
  }
  return ended.length;
}

/** Reserves an order's catalogue lines in its warehouse, all or none, as its intake would: true when it holds them now. */
export async function reserveStoredOrder(tx: EntityManager, orderId: string, now: Date): Promise<boolean> {
  const demand = await readOrderDemand(tx, orderId);
  if (!demand?.warehouse || demand.known.size === 0) return false;
  return (await reserveOrder(tx, { ...demand, warehouse: demand.warehouse }, now)).size === 0;
}

/** Whether the order waits for stock: it names a warehouse and catalogue SKUs, and holds no reservation of them. */
export async function waitsForStock(em: EntityManager, orderId: string): Promise<boolean> {
  const demand = await readOrderDemand(em, orderId);
  return Boolean(demand?.warehouse) && demand!.known.size > 0 && !(await holdsReservation(em, orderId));
}
