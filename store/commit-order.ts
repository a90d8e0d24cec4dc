import type { EntityManager } from '@mikro-orm/sql';
import { PostgreSqlConnection, PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { sql, type RawBuilder } from 'kysely';
import type { Store } from './open-store.ts';

/*
 * What the live event stream needs from each database to read the audit log in commit order. The one
 * dialect-specific part of live events; it belongs in store/dialect.ts.
 *
 * SQLite lets one writer in at a time and numbers rows as they are written, so seq order is commit order.
 * On PostgreSQL a higher seq can commit before a lower one, so each row carries the id of the transaction
 * that wrote it, and a reader takes only rows of transactions older than every transaction still open
 * (`pg_snapshot_xmin`): no row can appear later among them. Such rows are read in (xact_id, seq) order,
 * which is the order their transactions began writing: a transition's transaction begins after the one
 * before it committed, so an order's events keep their order.
 */

// The channel the audit log's insert trigger notifies (store/migrations/postgresql/…_live_events.ts).
const EVENTS_CHANNEL = 'sluice_events';

const isPostgres = (em: EntityManager) => em.getPlatform() instanceof PostgreSqlPlatform;

/** A condition true of audit rows no open transaction can still add rows before. */
export function settledRows(em: EntityManager): RawBuilder<boolean> {
  return isPostgres(em) ? sql<boolean>`xact_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint` : sql<boolean>`1 = 1`;
}

/**
 * On PostgreSQL, calls `onCommit` whenever a transaction that wrote to the audit log commits, until the
 * connection is lost (`onLost`) or closed; null on SQLite, which has nothing to listen to.
 */
export async function listenForCommits(store: Store, onCommit: () => void, onLost: () => void): Promise<{ close(): Promise<void> } | null> {
  const connection = store.em.getConnection();
  if (!(connection instanceof PostgreSqlConnection)) return null;
  // A connection of the store's own pool, held for as long as it listens.
  const client = await (await connection.getNativeClient()).connect();
  let broken = false;
  const lost = () => {
    broken = true;
    onLost();
  };
  client.on('notification', onCommit);
  client.on('error', lost);
  client.on('end', lost);
  await client.query(`listen ${EVENTS_CHANNEL}`);
  return {
    async close() {
      client.off('end', lost);
      client.off('error', lost);
      client.off('notification', onCommit);
      if (!broken) await client.query(`unlisten ${EVENTS_CHANNEL}`).catch(() => (broken = true));
      // A connection that failed is not handed back to the pool.
      client.release(broken);
    },
  };
}
