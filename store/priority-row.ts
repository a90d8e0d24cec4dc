import { lineTotals, type OrderKind, type StatedPriority } from '../domain/order.ts';
import type { PriorityFactsInput } from '../rules/priority-facts.ts';
import { dateOf, jsonOf, type DateColumn, type JsonColumn } from './sql.ts';

/** The columns of an order its priority facts come from, as the hot paths read them in plain SQL. */
export type PriorityRow = {
  kind: OrderKind;
  stated_priority: StatedPriority;
  due_at: DateColumn;
  created_at: DateColumn;
  account_tier: string | null;
  order_value: number | null;
  line_count: number | null;
  /** Only for orders taken before their totals were stored. */
  lines: JsonColumn<{ qty: number; price: number }[]> | null;
};

/** The select list for a `PriorityRow` of the orders table under `alias`: the lines only where the totals are missing. */
export const priorityColumns = (alias: string) =>
  `${alias}.kind, ${alias}.stated_priority, ${alias}.due_at, ${alias}.created_at, ${alias}.account_tier, ${alias}.order_value, ${alias}.line_count,
    case when ${alias}.order_value is null or ${alias}.line_count is null then ${alias}.lines end as lines`;

export function priorityInputOf(row: PriorityRow): PriorityFactsInput {
  return {
    kind: row.kind,
    statedPriority: row.stated_priority,
    dueAt: dateOf(row.due_at),
    createdAt: dateOf(row.created_at),
    accountTier: row.account_tier,
    ...(row.order_value === null || row.line_count === null ? lineTotals(jsonOf(row.lines!)) : { orderValue: row.order_value, lineCount: row.line_count }),
  };
}
