import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { ESCALATABLE_STATES } from '../domain/lifecycle.ts';
import { jsonOf, sqlOn, type JsonColumn } from './sql.ts';

/**
 * Orders after `cursor` in id order, of a page of `limit` active orders, whose escalation deadline in their
 * current state is running: their latest escalation decision was made for the state they are in and chose a
 * deadline. An escalated order is not among them: it keeps its escalation. The order's workflow holds the
 * timer and checks it again, so an order listed whose deadline has just fired or ended is told for nothing.
 * `next` is the cursor after this page, null after the last.
 */
export async function readRunningDeadlinesPage(em: EntityManager, cursor: string, limit: number): Promise<{ ids: string[]; next: string | null }> {
  const db = sqlOn(em);
  const { rows } = await sql<{ id: string; state: string }>`select o.id, o.state from orders o
    where o.state in (${sql.join([...ESCALATABLE_STATES])}) and o.id > ${cursor} order by o.id limit ${limit}`.execute(db);
  if (rows.length === 0) return { ids: [], next: null };
  const decisions = await sql<{ order_id: string; facts: JsonColumn<{ state?: string }>; outcome: JsonColumn<{ chosen?: { type: string } | null }> }>`
    select order_id, facts, outcome from decisions
    where decision_point = ${'escalation'} and order_id in (${sql.join(rows.map((r) => r.id))}) order by decided_at, id`.execute(db);
  const latest = new Map(decisions.rows.map((d) => [d.order_id, d]));
  const running = rows.filter((r) => {
    const d = latest.get(r.id);
    return d !== undefined && jsonOf(d.facts).state === r.state && jsonOf(d.outcome).chosen?.type === 'deadline';
  });
  return { ids: running.map((r) => r.id), next: rows.length < limit ? null : rows.at(-1)!.id };
}
