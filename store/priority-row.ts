import { lineTotals, type OrderKind, type StatedPriority } from '../domain/order.ts';
import type { PriorityFactsInput } from '../rules/priority-facts.ts';

/** The columns of an order its priority facts come from, as the hot paths read them in plain SQL. */
export type PriorityRow = {
  kind: OrderKind;
  stated_priority: StatedPriority;
  due_at: number;
  created_at: number;
  account_tier: string | null;
  order_value: number | null;
  line_count: number | null;
  /** Only for orders taken before their totals were stored. */
  lines: string | null;
};

/** The select list for a `PriorityRow` of the orders table under `alias`: the lines only where the totals are missing. */
export const priorityColumns = (alias: string) =>
  `${alias}.kind, ${alias}.stated_priority, ${alias}.due_at, ${alias}.created_at, ${alias}.account_tier, ${alias}.order_value, ${alias}.line_count,
    case when ${alias}.order_value is null or ${alias}.line_count is null then ${alias}.lines end as lines`;

export function priorityInputOf(row: PriorityRow): PriorityFactsInput {
  return {
    kind: row.kind,
    statedPriority: row.stated_priority,
    dueAt: new Date(row.due_at),
    createdAt: new Date(row.created_at),
    accountTier: row.account_tier,
    ...(row.order_value === null || row.line_count === null ? lineTotals(JSON.parse(row.lines!) as { qty: number; price: number }[]) : { orderValue: row.order_value, lineCount: row.line_count }),
  };
}
