import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { IntakeChecks, StatedPriority } from '../domain/order.ts';
import type { IntakeFactsInput } from '../rules/intake-facts.ts';
import { sqlOn } from './sql.ts';

type FactsRow = {
  kind: string;
  stated_priority: StatedPriority;
  due_at: number;
  created_at: number;
  account_tier: string | null;
  payment_mode: string;
  checks: string | null;
  order_value: number | null;
  line_count: number | null;
  /** Only for orders taken before their totals were stored. */
  lines: string | null;
};

/** What a decision's facts are computed from, read as one plain row: every decision of every order reads it. Null when the order is not in the store. */
export async function readFactsInput(em: EntityManager, orderId: string): Promise<IntakeFactsInput | null> {
  const { rows } = await sql<FactsRow>`select kind, stated_priority, due_at, created_at, account_tier, payment_mode, checks, order_value, line_count,
      case when order_value is null or line_count is null then lines end as lines
    from orders where id = ${orderId}`.execute(sqlOn(em));
  const r = rows[0];
  if (!r) return null;
  return {
    kind: r.kind,
    statedPriority: r.stated_priority,
    dueAt: new Date(r.due_at),
    createdAt: new Date(r.created_at),
    accountTier: r.account_tier,
    paymentMode: r.payment_mode,
    checks: r.checks === null ? null : (JSON.parse(r.checks) as IntakeChecks),
    ...(r.order_value === null || r.line_count === null ? { lines: JSON.parse(r.lines!) as { qty: number; price: number }[] } : { orderValue: r.order_value, lineCount: r.line_count }),
  };
}
