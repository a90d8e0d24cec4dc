import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { Configuration } from '@mikro-orm/core';
import type { AbstractSqlDriver, EntityManager } from '@mikro-orm/sql';
import { sql, type RawBuilder } from 'kysely';
import pg from 'pg';
import { BoundPostgreSqlDriver, BoundSqliteDriver } from './bound-driver.ts';
import { SharedSqliteDialect } from './sqlite-dialect.ts';
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
  driverOptions?: SharedSqliteDialect;
  pool?: { min: number; max: number };
};

/** MikroORM's driver and connection options for the store. */
export async function driverOptions(config: StoreConfig, options: { busyTimeoutMs?: number }): Promise<DriverOptions> {
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
    return { driver: BoundSqliteDriver, dbName: config.file, driverOptions: new SharedSqliteDialect(config.file, options.busyTimeoutMs) };
  }
  await createDatabase(config.url);
  return { driver: BoundPostgreSqlDriver, clientUrl: config.url, pool: { min: 0, max: POOL_SIZE } };
}

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
}

const SQLITE_SQL: DialectSql = {
  // Dates are epoch milliseconds.
  hoursBefore: (at, hours) => sql`${at} - ${hours} * ${3_600_000}`,
  // SQLite has one writer at a time, and a transaction that read before another wrote is refused its write (and retried).
  forUpdate: sql``,
};

const POSTGRES_SQL: DialectSql = {
  hoursBefore: (at, hours) => sql`${at} - ${hours} * interval '1 hour'`,
  forUpdate: sql`for update`,
};

export const dialectSql = (em: EntityManager): DialectSql => (em.getPlatform() instanceof PostgreSqlPlatform ? POSTGRES_SQL : SQLITE_SQL);
