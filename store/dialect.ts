import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PostgreSqlConnection, PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { Configuration } from '@mikro-orm/core';
import { SqlitePlatform, type AbstractSqlDriver, type EntityManager, type MikroORM } from '@mikro-orm/sql';
import { sql, type RawBuilder } from 'kysely';
import pg from 'pg';
import { ARRAY_ROWS } from './array-rows.ts';
import { BoundPostgreSqlDriver, BoundSqliteDriver } from './bound-driver.ts';
import { SharedSqliteDialect } from './sqlite-dialect.ts';
import type { Store } from './open-store.ts';
import type { StoreConfig } from './store-config.ts';

/*
 * Everything the store does differently on SQLite and on PostgreSQL. The rest of store/ is written once:
 * its SQL runs on both, it passes dates, booleans and JSON text as bound values, and it reads rows with
 * sql.ts's readers.
 */

// Connections per process: a worker runs a few dozen activities at once, most of them a short transaction.
const POOL_SIZE = 10;

type DriverOptions = {
  driver: new (config: Configuration) => AbstractSqlDriver;
  dbName?: string;
  clientUrl?: string;
  driverOptions?: SharedSqliteDialect | { Client: typeof ArrayRowsClient };
  pool?: { min: number; max: number };
};

/** MikroORM's driver and connection options for the store. */
export async function driverOptions(config: StoreConfig, options: { busyTimeoutMs?: number }): Promise<DriverOptions> {
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
    return { driver: BoundSqliteDriver, dbName: config.file, driverOptions: new SharedSqliteDialect(config.file, options.busyTimeoutMs) };
  }
  await createDatabase(config.url);
  return { driver: BoundPostgreSqlDriver, clientUrl: config.url, pool: { min: 0, max: POOL_SIZE }, driverOptions: { Client: ArrayRowsClient } };
}

/*
 * PostgreSQL parses and plans an unnamed statement every time it runs, a named one once per connection.
 * Every order runs the same few dozen statements many times (a transition, a decision, the audit log), so
 * the client names each text with bound values: the server's work per statement drops by about a third.
 * Texts are named in the order they first run, up to a limit: the hot path's come first, and texts built
 * from lists (an `in (…)` of any length) cannot fill every connection with statements never run again.
 */
const MAX_NAMED_STATEMENTS = 1_000;
const statementNames = new Map<string, string>();

/*
 * A named statement's plan is made for any values after a few runs; one whose best plan depends on its
 * values (a search naming three orders or a fifth of them, a filter on a rare state or a common one) is
 * left unnamed, and planned with its values each time, by ending its text with this comment.
 */
const PLAN_EACH_TIME = '/* planned with its values */';

/** `query`, planned with its bound values each time it runs (PostgreSQL; SQLite's planner reads no values). */
export const plannedEachTime = <Row>(query: RawBuilder<Row>): RawBuilder<Row> => sql<Row>`${query} ${sql.raw(PLAN_EACH_TIME)}`;

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS) statementNames.set(text, (name = `sluice_${statementNames.size + 1}`));
  return name;
}

/**
 * pg's client, answering a query marked with ARRAY_ROWS with array rows (pg's `rowMode: 'array'`), and
 * running a text with bound values as a named, prepared statement.
 */
class ArrayRowsClient extends pg.Client {}
const query = pg.Client.prototype.query;
ArrayRowsClient.prototype.query = function (this: InstanceType<typeof pg.Client>, config: unknown, values?: unknown, ...rest: unknown[]) {
  if (typeof config !== 'string' || typeof values === 'function') return (query as (...args: unknown[]) => unknown).call(this, config, values, ...rest);
  const name = Array.isArray(values) && values.length > 0 && !config.endsWith(PLAN_EACH_TIME) ? statementName(config) : undefined;
  const rowMode = config.endsWith(ARRAY_ROWS) ? 'array' : undefined;
  return (query as (...args: unknown[]) => unknown).call(this, { text: config, values, ...(name ? { name } : {}), ...(rowMode ? { rowMode } : {}) }, ...rest);
} as typeof query;

/** Creates the URL's database when the server does not have it yet, as SQLite creates a missing file. */
async function createDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new Error('SLUICE_DATABASE_URL names no database (postgres://user@host:port/<database>)');
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    // A database name is an identifier, which no statement takes as a parameter: it is quoted instead.
    if (!rowCount) await client.query(`create database "${name.replaceAll('"', '""')}"`).catch(ignoreDuplicateDatabase);
  } finally {
    await client.end();
  }
}

// Two processes starting at once both find the database missing; the second's create fails harmlessly.
function ignoreDuplicateDatabase(err: unknown): void {
  if ((err as { code?: string }).code !== '42P04' && (err as { code?: string }).code !== '23505') throw err;
}

/**
 * Whether a transaction failed only because another one wrote concurrently, so running it again reads
 * the new state and succeeds. SQLite: SQLITE_BUSY (it tried to write while another connection did; in WAL
 * mode SQLite does not wait then, as waiting could not help a reader that must write) and
 * SQLITE_BUSY_SNAPSHOT (it read a snapshot another connection has since written over). PostgreSQL:
 * serialization_failure and deadlock_detected.
 */
export function isWriteConflict(err: unknown): boolean {
  const e = err as { errcode?: number; code?: string } | null;
  return [5, 517].includes(e?.errcode ?? 0) || e?.code === '40001' || e?.code === '40P01';
}

/** SQL fragments that cannot be written once. */
export interface DialectSql {
  /** The time `hours` (a number) before `at` (a date column). */
  hoursBefore(at: RawBuilder<unknown>, hours: RawBuilder<unknown>): RawBuilder<unknown>;
  /** Ends a select that locks the rows it reads until the transaction ends, so a second writer waits and then reads what the first committed. */
  forUpdate: RawBuilder<unknown>;
  /**
   * True of audit rows no open transaction can still add rows before, for reading the audit log in commit
   * order. SQLite lets one writer in at a time and numbers rows as they are written, so seq order is commit
   * order. On PostgreSQL a higher seq can commit before a lower one, so each row carries the id of the
   * transaction that wrote it (a trigger), and a reader takes only rows of transactions older than every
   * transaction still open (`pg_snapshot_xmin`): no row can appear later among them. Such rows are read in
   * (xact_id, seq) order, the order their transactions began writing: a transition's transaction begins
   * after the one before it committed, so an order's events keep their order.
   */
  settledRows: RawBuilder<boolean>;
  /** A from-clause item `e` with one row per element of a JSON array column, the element as `e.value` (read it with `->>`). */
  jsonArrayElements(column: RawBuilder<unknown>): RawBuilder<unknown>;
  /**
   * A condition few rows meet, told to the planner; null where the planner needs no telling. SQLite plans a
   * statement without its bound values, so it would walk a whole sort index for a search rather than look
   * the few matches up; PostgreSQL plans with the values and its statistics (see plannedEachTime).
   */
  rare: ((condition: RawBuilder<boolean>) => RawBuilder<boolean>) | null;
  /**
   * `column` is one of the values a subquery selects, as a term an OR of index lookups can take: PostgreSQL
   * turns an IN (subquery) under an OR into a filter run on every row, and `= any(array(…))` into an
   * index condition on the array the subquery computes once.
   */
  inSubquery(column: RawBuilder<unknown>, subquery: RawBuilder<unknown>): RawBuilder<boolean>;
  /**
   * A date column as epoch milliseconds, a number on both: for reads of many rows, where PostgreSQL's
   * timestamp text would cost a date parse per value.
   */
  epochMs(column: RawBuilder<unknown>): RawBuilder<number>;
  /** Which slot of `slotMs` a date column falls in, counted from the epoch after adding `shiftMs`: a whole number on both. */
  epochSlot(column: RawBuilder<unknown>, slotMs: number, shiftMs: number): RawBuilder<number>;
}

const SQLITE_SQL: DialectSql = {
  // Dates are epoch milliseconds.
  hoursBefore: (at, hours) => sql`${at} - ${hours} * ${3_600_000}`,
  // SQLite has one writer at a time, and a transaction that read before another wrote is refused its write (and retried).
  forUpdate: sql``,
  settledRows: sql<boolean>`1 = 1`,
  jsonArrayElements: (column) => sql`json_each(${column}) as e`,
  rare: (condition) => sql<boolean>`likelihood(${condition}, 0.001)`,
  inSubquery: (column, subquery) => sql<boolean>`${column} in (${subquery})`,
  // Dates are stored as epoch milliseconds already.
  epochMs: (column) => sql<number>`${column}`,
  // Whole milliseconds, so the cast truncates a positive quotient: its floor.
  epochSlot: (column, slotMs, shiftMs) => sql<number>`cast((${column} + ${shiftMs}) / ${slotMs} as integer)`,
};

const POSTGRES_SQL: DialectSql = {
  hoursBefore: (at, hours) => sql`${at} - ${hours} * interval '1 hour'`,
  forUpdate: sql`for update`,
  settledRows: sql<boolean>`xact_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`,
  jsonArrayElements: (column) => sql`jsonb_array_elements(${column}) as e(value)`,
  rare: null,
  inSubquery: (column, subquery) => sql<boolean>`${column} = any(array(${subquery}))`,
  // A double, which the driver reads as a number (a bigint or numeric would come back as text); date_part's
  // double is far cheaper than extract's numeric. Rounded, as a double's seconds are not exact: Sluice writes
  // whole milliseconds (JavaScript dates).
  epochMs: (column) => sql<number>`round(date_part('epoch', ${column}) * 1000)`,
  epochSlot: (column, slotMs, shiftMs) => sql<number>`floor((round(date_part('epoch', ${column}) * 1000) + ${shiftMs}) / ${slotMs})`,
};

export const dialectSql = (em: EntityManager): DialectSql => (em.getPlatform() instanceof PostgreSqlPlatform ? POSTGRES_SQL : SQLITE_SQL);

// The channel the audit log's insert trigger notifies (the PostgreSQL initial migration).
const EVENTS_CHANNEL = 'sluice_events';

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

// Any fixed number: every Sluice process that migrates one PostgreSQL database takes this one lock.
const MIGRATION_LOCK_KEY = 7_343_215_901;

/** Whether MikroORM's migrator opens the run's transaction: on SQLite `withMigrationLock` has opened it already. */
export const migratorOpensTransaction = (kind: StoreConfig['kind']): boolean => kind === 'postgres';

/**
 * Runs `work` while this process alone may migrate. PostgreSQL: a transaction-scoped advisory lock, in
 * the transaction the migrations run in. SQLite: the file's write lock, taken up front by
 * `begin immediate` (a plain `begin` would let two processes read the migration table and then both
 * try to write) and held to the end of the run, on the one connection the ORM has to the file.
 */
export async function withMigrationLock<T>(store: MikroORM, work: (transaction?: unknown) => Promise<T>): Promise<T> {
  const connection = store.em.getConnection();
  if (!(store.em.getPlatform() instanceof SqlitePlatform)) {
    return connection.transactional(async (transaction) => {
      await connection.execute('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY], 'run', transaction);
      return work(transaction);
    });
  }
  await connection.execute('begin immediate', [], 'run');
  try {
    const result = await work();
    await connection.execute('commit', [], 'run');
    return result;
  } catch (err) {
    await connection.execute('rollback', [], 'run');
    throw err;
  }
}
