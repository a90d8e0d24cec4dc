import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { RowOutcome, RowProblem } from '../domain/order-import.ts';
import { withArrayRows } from './array-rows.ts';
import { jsonOf, jsonValue, sqlOn, type JsonColumn } from './sql.ts';

/*
 * An import's rows are read and written many at a time, in plain statements: a 50,000-row file is a
 * hundred multi-row inserts, not 50,000 entities in a unit of work.
 */

// Rows per insert: 6 bound values each, well under either database's limit.
const INSERT_CHUNK = 500;
// Values per lookup.
const LOOKUP_CHUNK = 500;

export interface StoredRow {
  row: number;
  cells: string[];
  outcome: RowOutcome;
  problems: RowProblem[] | null;
  orderId: string | null;
}

/** Adds the rows, in `em`'s transaction if it has one. */
export async function insertImportRows(em: EntityManager, importId: string, rows: readonly StoredRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const values = rows.slice(i, i + INSERT_CHUNK).map((r) => sql`(${importId}, ${r.row}, ${jsonValue(r.cells)}, ${r.outcome}, ${jsonValue(r.problems)}, ${r.orderId})`);
    await sql`insert into order_import_rows (import_id, row, cells, outcome, problems, order_id) values ${sql.join(values)}`.execute(sqlOn(em));
  }
}

/** Rows `from` to `to` (inclusive) with their cells, in order. */
export async function readImportCells(em: EntityManager, importId: string, from: number, to: number): Promise<{ row: number; cells: string[] }[]> {
  const { rows } = await withArrayRows<[number, JsonColumn<string[]>]>(
    sql`select row, cells from order_import_rows where import_id = ${importId} and row >= ${from} and row <= ${to} order by row`,
  ).execute(sqlOn(em));
  return rows.map(([row, cells]) => ({ row: Number(row), cells: jsonOf(cells) }));
}

/** Writes the outcome of rows `from` to `to`: they are put back whole, as a dry run or a chunk of the import judged them. */
export async function replaceImportRows(tx: EntityManager, importId: string, from: number, to: number, rows: readonly StoredRow[]): Promise<void> {
  await sql`delete from order_import_rows where import_id = ${importId} and row >= ${from} and row <= ${to}`.execute(sqlOn(tx));
  await insertImportRows(tx, importId, rows);
}

/** A page of rows, after row `after`, of one outcome or any. */
export async function pageImportRows(em: EntityManager, importId: string, outcomes: readonly RowOutcome[] | null, after: number, limit: number): Promise<StoredRow[]> {
  const which = outcomes === null ? sql`1 = 1` : sql`outcome in (${sql.join(outcomes)})`;
  const { rows } = await sql<{ row: number; cells: JsonColumn<string[]>; outcome: RowOutcome; problems: JsonColumn<RowProblem[]> | null; order_id: string | null }>`
    select row, cells, outcome, problems, order_id from order_import_rows
    where import_id = ${importId} and ${which} and row > ${after} order by row limit ${limit}`.execute(sqlOn(em));
  return rows.map((r) => ({ row: Number(r.row), cells: jsonOf(r.cells), outcome: r.outcome, problems: r.problems === null ? null : jsonOf(r.problems), orderId: r.order_id }));
}

/** The import's rows counted by outcome. */
export async function countImportRows(em: EntityManager, importId: string): Promise<Partial<Record<RowOutcome, number>>> {
  const { rows } = await sql<{ outcome: RowOutcome; n: number | string }>`select outcome, count(*) as n from order_import_rows where import_id = ${importId} group by outcome`.execute(sqlOn(em));
  return Object.fromEntries(rows.map((r) => [r.outcome, Number(r.n)]));
}

export interface ReferenceHolder {
  id: string;
  idempotencyScope: string | null;
  idempotencyKey: string | null;
}

/** The stored orders that carry any of `references`, by reference (the first by id when several do). */
export async function ordersByReference(em: EntityManager, references: readonly string[]): Promise<Map<string, ReferenceHolder>> {
  const holders = new Map<string, ReferenceHolder>();
  const unique = [...new Set(references)];
  for (let i = 0; i < unique.length; i += LOOKUP_CHUNK) {
    const { rows } = await sql<{ id: string; reference: string; idempotency_scope: string | null; idempotency_key: string | null }>`
      select id, reference, idempotency_scope, idempotency_key from orders where reference in (${sql.join(unique.slice(i, i + LOOKUP_CHUNK))}) order by id`.execute(sqlOn(em));
    for (const r of rows) if (!holders.has(r.reference)) holders.set(r.reference, { id: r.id, idempotencyScope: r.idempotency_scope, idempotencyKey: r.idempotency_key });
  }
  return holders;
}

/** The orders `scope` took under any of `keys`, by key. */
export async function ordersByKey(em: EntityManager, scope: string, keys: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < keys.length; i += LOOKUP_CHUNK) {
    const { rows } = await withArrayRows<[string, string]>(
      sql`select idempotency_key, id from orders where idempotency_scope = ${scope} and idempotency_key in (${sql.join(keys.slice(i, i + LOOKUP_CHUNK))})`,
    ).execute(sqlOn(em));
    for (const [key, id] of rows) found.set(key, id);
  }
  return found;
}
