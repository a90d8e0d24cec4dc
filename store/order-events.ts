import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { OrderEvent } from '../domain/order-event.ts';
import type { OrderState } from '../domain/order.ts';
import { dialectSql } from './dialect.ts';
import { sqlOn } from './sql.ts';

/** Where a reader of the audit log is: after the row (xact, seq). See `settledRows` in store/dialect.ts. */
export interface EventPosition {
  xact: number;
  seq: number;
}

export const START: EventPosition = { xact: 0, seq: 0 };

export const isAfter = (a: EventPosition, b: EventPosition) => a.xact > b.xact || (a.xact === b.xact && a.seq > b.seq);

export interface PositionedEvent {
  position: EventPosition;
  event: OrderEvent;
}

type Row = { seq: number | string; xact_id: number | string; subject_id: string; to_state: string; at: number | Date };

/**
 * The query behind readOrderEvents. The position is a row value, which both databases read as a range of
 * the (subject_type, xact_id, seq) index, so a read costs what it returns however long the log is.
 */
export const orderEventsQuery = (em: EntityManager, after: EventPosition, limit: number) =>
  sql<Row>`select seq, xact_id, subject_id, to_state, at from audit_log
    where subject_type = ${'order'} and (xact_id, seq) > (${after.xact}, ${after.seq}) and ${dialectSql(em).settledRows}
      and to_state is not null
    order by xact_id, seq limit ${limit}`;

/** The order transitions committed after `after`, in commit order, at most `limit` of them. */
export async function readOrderEvents(em: EntityManager, after: EventPosition, limit: number): Promise<PositionedEvent[]> {
  const { rows } = await orderEventsQuery(em, after, limit).execute(sqlOn(em));
  return rows.map((row) => ({
    position: { xact: Number(row.xact_id), seq: Number(row.seq) },
    event: { seq: Number(row.seq), orderId: row.subject_id, state: row.to_state as OrderState, at: new Date(row.at).toISOString() },
  }));
}

/** The position after every row committed so far: where a stream that asks for nothing older starts. */
export async function latestPosition(em: EntityManager): Promise<EventPosition> {
  const { rows } = await sql<Pick<Row, 'seq' | 'xact_id'>>`select seq, xact_id from audit_log where ${dialectSql(em).settledRows}
    order by xact_id desc, seq desc limit 1`.execute(sqlOn(em));
  return rows[0] ? { xact: Number(rows[0].xact_id), seq: Number(rows[0].seq) } : START;
}

/** The position of the row with this seq (a client's `Last-Event-ID`), or null if there is none. */
export async function positionOf(em: EntityManager, seq: number): Promise<EventPosition | null> {
  const { rows } = await sql<Pick<Row, 'xact_id'>>`select xact_id from audit_log where seq = ${seq}`.execute(sqlOn(em));
  return rows[0] ? { xact: Number(rows[0].xact_id), seq } : null;
}
