import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { PriorityFactsInput } from '../rules/priority-facts.ts';
import { priorityColumns, priorityInputOf, type PriorityRow } from './priority-row.ts';
import { jsonOf, sqlOn, type JsonColumn } from './sql.ts';

type QueuedRow = PriorityRow & { id: string };

/**
 * A queued order with what its priority is decided on and the score of its latest priority decision. Not
 * the score it shows: a release cycle re-scores the pool under the rules in force and shows the score that
 * ranked it, which may already be the new rules' while the order has not decided under them yet.
 */
export type QueuedOrder = PriorityFactsInput & { id: string; decidedScore: number | null };

/** Queued orders after `cursor` in id order. */
export async function readQueuedPage(em: EntityManager, cursor: string, limit: number): Promise<QueuedOrder[]> {
  const db = sqlOn(em);
  const { rows } = await sql<QueuedRow>`select o.id, ${priorityColumns(em, 'o')}
    from orders o where o.state = ${'queued'} and o.id > ${cursor} order by o.id limit ${limit}`.execute(db);
  if (rows.length === 0) return [];
  const decisions = await sql<{ order_id: string; outcome: JsonColumn<{ score?: number }> }>`select order_id, outcome from decisions
    where decision_point = ${'priority'} and order_id in (${sql.join(rows.map((r) => r.id))}) order by decided_at, id`.execute(db);
  const decided = new Map(decisions.rows.map((d) => [d.order_id, jsonOf(d.outcome).score ?? null]));
  return rows.map((r) => ({ id: r.id, ...priorityInputOf(r), decidedScore: decided.get(r.id) ?? null }));
}
