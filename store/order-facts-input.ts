import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { IntakeChecks, RoutingStep, StatedPriority } from '../domain/order.ts';
import type { IntakeFactsInput } from '../rules/intake-facts.ts';
import { readPlannedOperations } from './planned-lead-times.ts';
import { dateOf, jsonOf, sqlOn, type DateColumn, type JsonColumn } from './sql.ts';

type FactsRow = {
  kind: string;
  stated_priority: StatedPriority;
  due_at: DateColumn;
  created_at: DateColumn;
  account_tier: string | null;
  payment_mode: string;
  checks: JsonColumn<IntakeChecks> | null;
  order_value: number | null;
  line_count: number | null;
  /** Only for orders taken before their totals were stored. */
  lines: JsonColumn<{ qty: number; price: number }[]> | null;
  queued_at: DateColumn | null;
  routing: JsonColumn<RoutingStep[]> | null;
};

/** What a decision's facts are computed from, read as one plain row: every decision of every order reads it. Null when the order is not in the store. */
export async function readFactsInput(em: EntityManager, orderId: string): Promise<IntakeFactsInput | null> {
  const { rows } = await sql<FactsRow>`select kind, stated_priority, due_at, created_at, account_tier, payment_mode, checks, order_value, line_count,
      case when order_value is null or line_count is null then lines end as lines, queued_at, routing
    from orders where id = ${orderId}`.execute(sqlOn(em));
  const r = rows[0];
  if (!r) return null;
  // Only a routed order reads its areas' lead times: the sequencing facts need them.
  const operations = await readPlannedOperations(em, r.routing === null ? null : jsonOf(r.routing));
  return {
    queuedAt: r.queued_at === null ? null : dateOf(r.queued_at),
    operations,
    kind: r.kind,
    statedPriority: r.stated_priority,
    dueAt: dateOf(r.due_at),
    createdAt: dateOf(r.created_at),
    accountTier: r.account_tier,
    paymentMode: r.payment_mode,
    checks: r.checks === null ? null : jsonOf(r.checks),
    ...(r.order_value === null || r.line_count === null ? { lines: jsonOf(r.lines!) } : { orderValue: r.order_value, lineCount: r.line_count }),
  };
}
