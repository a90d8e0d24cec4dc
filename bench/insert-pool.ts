import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { lineTotals, unitsOf } from '../domain/order.ts';
import { jsonValue, sqlOn } from '../store/sql.ts';
import type { PooledOrder } from './generated-orders.ts';

export interface PoolEntry {
  order: PooledOrder;
  workAreaId: string;
  /** The score the priority decision gave the order when it was queued. */
  priorityScore: number;
}

const COLUMNS = ['id', 'account', 'kind', 'stated_priority', 'due_at', 'work_area_id', 'lines', 'account_tier', 'state', 'priority_score', 'queued_at', 'units', 'order_value', 'line_count', 'in_pool', 'holds_slot', 'created_at', 'updated_at'];
// 18 values a row: well under SQLite's 32,766 bound parameters a statement.
const ROWS_PER_STATEMENT = 1_000;

function rowOf({ order, workAreaId, priorityScore }: PoolEntry) {
  const lines = order.lines.map((line, n) => ({ sku: `SKU-${n + 1}`, ...line }));
  const { orderValue, lineCount } = lineTotals(order.lines);
  const values = [order.id, 'ACME', order.kind, order.statedPriority, order.dueAt, workAreaId, jsonValue(lines), order.accountTier, 'queued', priorityScore, order.queuedAt, unitsOf(order.lines), orderValue, lineCount, true, false, order.createdAt, order.createdAt];
  return sql`(${sql.join(values)})`;
}

/**
 * Writes waiting orders straight into the store's orders table, many rows a statement, in one transaction:
 * through the ORM a hundred thousand orders take tens of seconds to set up. Every order is queued in its area's pool.
 */
export async function insertPool(em: EntityManager, entries: Iterable<PoolEntry>): Promise<number> {
  let count = 0;
  await em.fork().transactional(async (tx) => {
    let rows: ReturnType<typeof rowOf>[] = [];
    const flush = async () => {
      if (rows.length > 0) await sql`insert into orders (${sql.raw(COLUMNS.join(', '))}) values ${sql.join(rows)}`.execute(sqlOn(tx));
      rows = [];
    };
    for (const entry of entries) {
      rows.push(rowOf(entry));
      count += 1;
      if (rows.length === ROWS_PER_STATEMENT) await flush();
    }
    await flush();
  });
  return count;
}
