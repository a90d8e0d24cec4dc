import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { PriorityFactsInput } from '../rules/priority-facts.ts';
import { priorityColumns, priorityInputOf, type PriorityRow } from './priority-row.ts';
import { sqlOn } from './sql.ts';

type QueuedRow = PriorityRow & { id: string; priority_score: number | null };

export type QueuedOrder = PriorityFactsInput & { id: string; priorityScore: number | null };

/** Queued orders after `cursor` in id order, with what their priority is decided on and the score they have. */
export async function readQueuedPage(em: EntityManager, cursor: string, limit: number): Promise<QueuedOrder[]> {
  const { rows } = await sql<QueuedRow>`select o.id, ${sql.raw(priorityColumns('o'))}, o.priority_score
    from orders o where o.state = ${'queued'} and o.id > ${cursor} order by o.id limit ${limit}`.execute(sqlOn(em));
  return rows.map((r) => ({ id: r.id, ...priorityInputOf(r), priorityScore: r.priority_score }));
}
