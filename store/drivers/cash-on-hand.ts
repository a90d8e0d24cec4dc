import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { sqlOn } from '../sql.ts';

/**
 * Each driver's cash on hand: cash collected on their deliveries minus what finance confirmed remitted, read
 * from the orders (the index on assignee finds a driver's), so it always agrees with the orders' remit records.
 * In cents, summed per order, so that many small amounts add up exactly.
 */
export async function cashOnHand(em: EntityManager, driverIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map(driverIds.map((id) => [id, 0]));
  if (driverIds.length === 0) return out;
  const { rows } = await sql<{ assignee: string; cents: number | string }>`select assignee,
      sum(round(coalesce(cod_collected, 0) * 100) - round(coalesce(cod_remitted, 0) * 100)) as cents
    from orders where assignee in (${sql.join(driverIds)}) and cod_collected is not null group by assignee`.execute(sqlOn(em));
  for (const r of rows) out.set(r.assignee, Number(r.cents) / 100);
  return out;
}
