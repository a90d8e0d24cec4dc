import type { EntityManager } from '@mikro-orm/sql';
import { sql, type RawBuilder } from 'kysely';
import { lineTotals, type OrderKind, type StatedPriority } from '../domain/order.ts';
import type { PriorityFactsInput } from '../rules/priority-facts.ts';
import { dialectSql } from './dialect.ts';
import { jsonOf, type JsonColumn } from './sql.ts';

type Lines = JsonColumn<{ qty: number; price: number }[]>;

/** The columns of an order its priority facts come from, as the hot paths read them in plain SQL; dates in epoch milliseconds. */
export type PriorityRow = {
  kind: OrderKind;
  stated_priority: StatedPriority;
  due_at: number;
  created_at: number;
  account_tier: string | null;
  order_value: number | null;
  line_count: number | null;
  /** Only for orders taken before their totals were stored. */
  lines: Lines | null;
};

/** The same columns read as array rows, in the select list's order. */
export type PriorityCells = [
  kind: OrderKind,
  statedPriority: StatedPriority,
  dueAt: number,
  createdAt: number,
  accountTier: string | null,
  orderValue: number | null,
  lineCount: number | null,
  lines: Lines | null,
];

/** The select list for a `PriorityRow` of the orders table under `alias`: the lines only where the totals are missing. */
export function priorityColumns(em: EntityManager, alias: string): RawBuilder<unknown> {
  const { epochMs } = dialectSql(em);
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql`${column('kind')}, ${column('stated_priority')}, ${epochMs(column('due_at'))} as due_at, ${epochMs(column('created_at'))} as created_at,
    ${column('account_tier')}, ${column('order_value')}, ${column('line_count')},
    case when ${column('order_value')} is null or ${column('line_count')} is null then ${column('lines')} end as lines`;
}

/** The order's line totals: as stored, or summed from its lines for an order taken before they were stored. */
export function totalsOf(orderValue: number | null, lineCount: number | null, lines: Lines | null): { orderValue: number; lineCount: number } {
  return orderValue === null || lineCount === null ? lineTotals(jsonOf(lines!)) : { orderValue, lineCount };
}

export function priorityInputOf(row: PriorityRow): PriorityFactsInput {
  return {
    kind: row.kind,
    statedPriority: row.stated_priority,
    dueAt: new Date(row.due_at),
    createdAt: new Date(row.created_at),
    accountTier: row.account_tier,
    ...totalsOf(row.order_value, row.line_count, row.lines),
  };
}
