import type { EntityManager } from '@mikro-orm/sql';
import { orderOfRow } from '../../domain/import-row-order.ts';
import type { NewOrder } from '../../domain/order.ts';
import type { ImportMapping, RowProblem } from '../../domain/order-import.ts';
import { ordersByKey, ordersByReference } from '../../store/order-imports.ts';

/** The idempotency key a row's order is taken under: a retried chunk or a second run finds the order the first took. */
export const importKey = (importId: string, row: number) => `import:${importId}:${row}`;

export interface ImportToJudge {
  id: string;
  headers: string[];
  mapping: ImportMapping;
  scope: string;
}

export type JudgedRow =
  | { row: number; cells: string[]; outcome: 'valid'; order: NewOrder; problems: null; orderId: null }
  /** `ownOrderId`: this row's order, taken by an earlier run of the import. */
  | { row: number; cells: string[]; outcome: 'taken'; order: NewOrder; problems: null; orderId: string }
  | { row: number; cells: string[]; outcome: 'invalid'; order: null; problems: RowProblem[]; orderId: null }
  | { row: number; cells: string[]; outcome: 'duplicate'; order: null; problems: RowProblem[]; orderId: string | null };

/**
 * Each row checked as `POST /orders` checks an order, and against what is stored: a row whose reference
 * another order carries (stored, or on an earlier row of `earlier`, which the caller keeps across calls) is a
 * duplicate; one whose own idempotency key took an order was taken before.
 */
export async function judgeRows(em: EntityManager, imp: ImportToJudge, rows: readonly { row: number; cells: string[] }[], earlier: Map<string, number>): Promise<JudgedRow[]> {
  const parsed = rows.map((r) => ({ ...r, result: orderOfRow(r.cells, imp.headers, imp.mapping) }));
  const good = parsed.flatMap((p) => (p.result.order ? [{ row: p.row, order: p.result.order }] : []));
  const holders = await ordersByReference(em, good.flatMap((g) => (g.order.reference === undefined ? [] : [g.order.reference])));
  const taken = await ordersByKey(em, imp.scope, good.map((g) => importKey(imp.id, g.row)));
  const column = imp.mapping.reference ?? null;
  return parsed.map(({ row, cells, result }): JudgedRow => {
    if (!result.order) return { row, cells, outcome: 'invalid', order: null, problems: result.problems, orderId: null };
    const order = result.order;
    const own = taken.get(importKey(imp.id, row));
    if (own !== undefined) return { row, cells, outcome: 'taken', order, problems: null, orderId: own };
    const reference = order.reference;
    if (reference === undefined) return { row, cells, outcome: 'valid', order, problems: null, orderId: null };
    const holder = holders.get(reference);
    if (holder) return { row, cells, outcome: 'duplicate', order: null, problems: [{ column, field: 'reference', message: `reference ${reference} is already order ${holder.id}` }], orderId: holder.id };
    const before = earlier.get(reference);
    if (before !== undefined) return { row, cells, outcome: 'duplicate', order: null, problems: [{ column, field: 'reference', message: `reference ${reference} is also on row ${before}` }], orderId: null };
    earlier.set(reference, row);
    return { row, cells, outcome: 'valid', order, problems: null, orderId: null };
  });
}
