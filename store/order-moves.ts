import type { EntityManager } from '@mikro-orm/sql';
import { sql, type RawBuilder } from 'kysely';
import type { TrendEvent } from '../domain/trend-events.ts';
import { dialectSql } from './dialect.ts';

const FINISHED = ['completed', 'delivered'];

/**
 * When an audit entry `a` is an order's move that a trend counts, written once for the trends' sums and
 * for the orders list's filter that finds the orders behind a figure. A move within a state (e.g.
 * released → released) is not one.
 */
export function moveSql(event: TrendEvent): RawBuilder<boolean> {
  switch (event) {
    case 'released':
      return sql`a.to_state = ${'released'} and coalesce(a.from_state, ${''}) <> ${'released'}`;
    case 'completed':
      return sql`a.to_state in (${sql.join(FINISHED)}) and coalesce(a.from_state, ${''}) not in (${sql.join(FINISHED)})`;
    case 'escalated':
      return sql`a.to_state = ${'escalated'} and coalesce(a.from_state, ${''}) <> ${'escalated'}`;
    case 'resolved':
      return sql`a.from_state = ${'escalated'} and a.to_state <> ${'escalated'}`;
  }
}

/**
 * A move was late: a release after the planned release time (due time minus the area's planned lead time,
 * `w` the order's area), a completion after the due time; escalations are never late. `o` is the order.
 */
export function lateSql(em: EntityManager, event: TrendEvent): RawBuilder<boolean> {
  if (event === 'released') return sql`a.at > ${dialectSql(em).hoursBefore(sql`o.due_at`, sql`w.planned_lead_time_hours`)}`;
  if (event === 'completed') return sql`a.at > o.due_at`;
  return sql`1 = 0`;
}
