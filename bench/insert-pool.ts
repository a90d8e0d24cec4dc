import { DatabaseSync } from 'node:sqlite';
import { lineTotals, unitsOf } from '../domain/order.ts';
import type { PooledOrder } from './generated-orders.ts';

export interface PoolEntry {
  order: PooledOrder;
  workAreaId: string;
  /** The score the priority decision gave the order when it was queued. */
  priorityScore: number;
}

const COLUMNS = ['id', 'account', 'kind', 'stated_priority', 'due_at', 'work_area_id', 'lines', 'account_tier', 'state', 'priority_score', 'queued_at', 'units', 'order_value', 'line_count', 'in_pool', 'holds_slot', 'created_at', 'updated_at'];

/**
 * Writes waiting orders straight into the store's orders table, in one transaction on a connection of its
 * own: through the ORM a hundred thousand orders take tens of seconds to set up. Dates are epoch
 * milliseconds and lines JSON, as the ORM stores them; every order is queued in its area's pool.
 */
export function insertPool(file: string, entries: Iterable<PoolEntry>): number {
  const db = new DatabaseSync(file, { timeout: 10_000 });
  const insert = db.prepare(`insert into orders (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`);
  let count = 0;
  try {
    db.exec('begin immediate');
    for (const { order, workAreaId, priorityScore } of entries) {
      const lines = order.lines.map((line, n) => ({ sku: `SKU-${n + 1}`, ...line }));
      const units = unitsOf(order.lines);
      const { orderValue, lineCount } = lineTotals(order.lines);
      const createdAt = order.createdAt.getTime();
      insert.run(order.id, 'ACME', order.kind, order.statedPriority, order.dueAt.getTime(), workAreaId, JSON.stringify(lines), order.accountTier, 'queued', priorityScore, order.queuedAt.getTime(), units, orderValue, lineCount, 1, 0, createdAt, createdAt);
      count += 1;
    }
    db.exec('commit');
  } finally {
    db.close();
  }
  return count;
}
