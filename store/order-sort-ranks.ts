import type { EntityManager } from '@mikro-orm/sql';
import { sql, type RawBuilder } from 'kysely';
import { LAST_MILE_STATUSES, type LastMileStatus } from '../domain/last-mile.ts';
import { STATED_PRIORITIES, type StatedPriority } from '../domain/order.ts';
import { sqlOn } from './sql.ts';

/*
 * The orders table sorts stated priority and last-mile status by meaning, which their text does not sort
 * by; a small integer beside each, indexed with the id, lets a page walk an index as the other sorts do.
 * Every write of either value writes its rank too; the harness checks every store it used (ranksDisagree).
 */

/** low 0, normal 1, high 2, urgent 3. */
export const statedPriorityRank = (priority: StatedPriority): number => STATED_PRIORITIES.indexOf(priority);

/** A status's place in the lifecycle (Pending 0 … Returned 6); an order without one after them all. */
export const lastMileRank = (status: LastMileStatus | null | undefined): number => (status ? LAST_MILE_STATUSES.indexOf(status) : LAST_MILE_STATUSES.length);

// The ranks are cast: PostgreSQL would take a bound number in a case of bound values for text.
const rankCase = (value: RawBuilder<unknown>, values: readonly string[]) =>
  sql<number>`case ${value} ${sql.join(
    values.map((v, i) => sql`when ${v} then cast(${i} as integer)`),
    sql` `,
  )} else cast(${values.length} as integer) end`;

/** lastMileRank in SQL, of a status expression (an update's new status). */
export const lastMileRankSql = (status: RawBuilder<unknown>) => rankCase(status, LAST_MILE_STATUSES);

/** The ids of orders whose ranks say something other than their values: none, unless a writer forgot one. */
export async function ranksDisagree(em: EntityManager): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id from orders
    where stated_priority_rank <> ${rankCase(sql`stated_priority`, STATED_PRIORITIES)}
       or last_mile_rank <> ${lastMileRankSql(sql`last_mile_status`)}
    order by id limit 20`.execute(sqlOn(em));
  return rows.map((r) => r.id);
}
