import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { DriverRemitHistory } from '../rules/return-remit-facts.ts';
import { sqlOn } from './sql.ts';

const DAY_MS = 86_400_000;

/**
 * The remit history of whoever has the order (its assignee, the driver): their other orders awaiting a
 * remittance now, and their orders whose remit found a variance in the 30 days before `now`. Both counts
 * are bound by the index on (assignee, state). Null when nobody has the order, and when the order already
 * awaits its remit: finance is then confirming cash it holds, which the driver's history does not weigh on
 * (it would send every confirmation of a busy driver back to the review it came from).
 */
export async function readDriverRemitHistory(em: EntityManager, orderId: string, now: Date): Promise<DriverRemitHistory | null> {
  const { rows } = await sql<{ assignee: string | null; state: string; open_remits: number | string; variances: number | string }>`select o.assignee, o.state,
      (select count(*) from orders r where r.assignee = o.assignee and r.state = ${'awaiting_remit'} and r.id <> o.id) as open_remits,
      (select count(*) from orders v where v.assignee = o.assignee and v.remit_variance <> 0 and v.remit_decided_at >= ${new Date(now.getTime() - 30 * DAY_MS)}) as variances
    from orders o where o.id = ${orderId}`.execute(sqlOn(em));
  const row = rows[0];
  if (!row?.assignee || row.state === 'awaiting_remit') return null;
  return { openRemits: Number(row.open_remits), variances30d: Number(row.variances) };
}

/** Keeps the variance an order's remit decision found, for its driver's history. */
export async function recordRemitVariance(em: EntityManager, orderId: string, variance: number | null, at: Date): Promise<void> {
  await sql`update orders set remit_variance = ${variance}, remit_decided_at = ${at} where id = ${orderId}`.execute(sqlOn(em));
}
