import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { lineTotals, type StatedPriority } from '../domain/order.ts';
import type { PriorityFactsInput } from '../rules/priority-facts.ts';
import { sqlOn } from './sql.ts';

type QueuedRow = {
  id: string;
  kind: string;
  stated_priority: StatedPriority;
  due_at: number;
  created_at: number;
  account_tier: string | null;
  order_value: number | null;
  line_count: number | null;
  /** Only for orders taken before their totals were stored. */
  lines: string | null;
  priority_score: number | null;
};

export type QueuedOrder = PriorityFactsInput & { id: string; priorityScore: number | null };

/** Queued orders after `cursor` in id order, with what their priority is decided on and the score they have. */
export async function readQueuedPage(em: EntityManager, cursor: string, limit: number): Promise<QueuedOrder[]> {
  const { rows } = await sql<QueuedRow>`select id, kind, stated_priority, due_at, created_at, account_tier, order_value, line_count,
      case when order_value is null or line_count is null then lines end as lines, priority_score
    from orders where state = ${'queued'} and id > ${cursor} order by id limit ${limit}`.execute(sqlOn(em));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    statedPriority: r.stated_priority,
    dueAt: new Date(r.due_at),
    createdAt: new Date(r.created_at),
    accountTier: r.account_tier,
    priorityScore: r.priority_score,
    ...(r.order_value === null || r.line_count === null ? lineTotals(JSON.parse(r.lines!) as { qty: number; price: number }[]) : { orderValue: r.order_value, lineCount: r.line_count }),
  }));
}
