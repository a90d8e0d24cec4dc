import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { serverBinary } from '../../launcher/throwaway-postgres.ts';
import { BackupRefused } from './backup-envelope.ts';

/*
 * PostgreSQL: the copy is pg_dump's custom format, taken in one snapshot while Sluice writes. A restore
 * goes into a database of its own, which then takes the store's name; the database it replaces keeps its
 * rows under another name. Renaming a database needs it to have no connections, which is how a restore
 * finds Sluice still running.
 */

const run = promisify(execFile);

/** The URL's database name, and the URL and environment the PostgreSQL tools take (the password out of the command line). */
function split(url: string): { database: string; tool: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { database: decodeURIComponent(parsed.pathname.slice(1)), tool: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** The URL of another database on the same server. */
export const databaseUrl = (url: string, database: string): string => {
  const other = new URL(url);
  other.pathname = `/${encodeURIComponent(database)}`;
  return other.toString();
};

// A database name is an identifier, which no statement takes as a parameter: it is quoted instead.
const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function onServer<T>(url: string, work: (client: InstanceType<typeof pg.Client>) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(url, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Dumps the store to `dest` and answers the migrations applied to it. */
export async function dumpPostgres(url: string, dest: string): Promise<string[]> {
  const { tool, env } = split(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let migrations: string[];
  try {
    const { rows } = await client.query<{ name: string }>("select name from mikro_orm_migrations order by name").catch(() => {
      throw new BackupRefused('The database is not a Sluice store: it has no migrations table.');
    });
    migrations = rows.map((r) => r.name);
  } finally {
    await client.end();
  }
  // Read before the dump: a migration run in between is in the dump too, and found applied when it is restored.
  await run(serverBinary('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--file=${dest}`, `--dbname=${tool}`], { env });
  return migrations;
}

/** A database name for what a restore stages or keeps aside, within PostgreSQL's 63 bytes. */
export const besideName = (database: string, what: string, stamp: string): string => `${database.slice(0, 63 - what.length - stamp.length - 2)}_${what}_${stamp}`;

/** Restores the dump in `body` into a new database `staged` on the store's server; drops it again if that fails. */
export async function restoreIntoPostgres(url: string, staged: string, body: string): Promise<string> {
  await onServer(url, (client) => client.query(`create database ${quoted(staged)}`));
  const stagedUrl = databaseUrl(url, staged);
  const { tool, env } = split(stagedUrl);
  try {
    await run(serverBinary('pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${tool}`, body], { env });
  } catch (err) {
    await dropPostgres(url, staged);
    throw err;
  }
  return stagedUrl;
}

export async function dropPostgres(url: string, database: string): Promise<void> {
  await onServer(url, (client) => client.query(`drop database if exists ${quoted(database)}`));
}

/**
 * Gives the staged database the store's name, keeping the store's database under `aside`; answers it,
 * or null when the store had no database yet. Refuses while any process is connected to the store.
 */
export async function swapInPostgres(url: string, staged: string, aside: string): Promise<string | null> {
  const { database } = split(url);
  return onServer(url, async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (rowCount) {
      try {
        await client.query(`alter database ${quoted(database)} rename to ${quoted(aside)}`);
      } catch (err) {
        // object_in_use: a connection is open to the store.
        if ((err as { code?: string }).code !== '55006') throw err;
        throw new BackupRefused(`The database ${database} is in use: stop Sluice first (every API and worker process), then restore. Nothing was changed.`);
      }
    }
    await client.query(`alter database ${quoted(staged)} rename to ${quoted(database)}`);
    return rowCount ? aside : null;
  });
}
