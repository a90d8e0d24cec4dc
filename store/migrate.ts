import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationsOptions } from '@mikro-orm/core';
import { SqlitePlatform, type MikroORM } from '@mikro-orm/sql';
import { repoRoot } from '../launcher/repo-root.ts';
import type { StoreConfig } from './store-config.ts';

const TABLE = 'mikro_orm_migrations';
// Any fixed number: every Sluice process that migrates one PostgreSQL database takes this one lock.
const MIGRATION_LOCK_KEY = 7_343_215_901;

/** The checked-in migrations of one dialect: their DDL differs, so each dialect has its own folder. */
export function migrationsFolder(kind: StoreConfig['kind']): string {
  return join(repoRoot, 'store', 'migrations', kind === 'postgres' ? 'postgresql' : 'sqlite');
}

/**
 * The migrator's settings. On SQLite the whole run is one transaction of our own (see
 * `withMigrationLock`), so the migrator must not open its own; the snapshot is written only by
 * `npm run migration:create`, never by a process that migrates.
 */
export function migratorOptions(kind: StoreConfig['kind']): MigrationsOptions {
  return {
    path: migrationsFolder(kind),
    glob: 'Migration*.ts',
    tableName: TABLE,
    transactional: kind === 'postgres',
    snapshot: false,
    silent: true,
  };
}

/**
 * Applies the pending migrations, one process at a time, and returns their names in the order applied.
 * A process that waited for another's run finds nothing left to do.
 */
export async function migrate(store: MikroORM): Promise<string[]> {
  return withMigrationLock(store, async (transaction) => {
    const applied = await store.migrator.up(transaction ? { transaction } : undefined);
    return applied.map((m) => m.name);
  });
}

/** The migrations this store has not applied yet, oldest first; read only, so a readiness check may call it. */
export async function pendingMigrations(store: MikroORM): Promise<string[]> {
  const all = migrationFiles(store);
  const connection = store.em.getConnection();
  if (!(await store.em.getPlatform().getSchemaHelper()!.tableExists(connection, TABLE, undefined))) return all;
  const rows = await connection.execute<{ name: string }[]>(`select name from ${TABLE}`);
  const applied = new Set(rows.map((r) => r.name));
  return all.filter((name) => !applied.has(name));
}

/** A store behind the code's migrations, which a process must not run on. */
export class MigrationsPendingError extends Error {
  readonly pending: string[];
  constructor(pending: string[]) {
    super(`The database has ${pending.length} migration(s) not applied (${pending.join(', ')}): run ./sluice migrate first, or start this process with SLUICE_MIGRATE=1.`);
    this.pending = pending;
  }
}

/** Fails, naming the command that fixes it, when the store is behind the code's migrations. */
export async function requireMigrated(store: MikroORM): Promise<void> {
  const pending = await pendingMigrations(store);
  if (pending.length > 0) throw new MigrationsPendingError(pending);
}

function migrationFiles(store: MikroORM): string[] {
  const folder = store.config.get('migrations').path!;
  return readdirSync(folder)
    .filter((file) => /^Migration.*\.ts$/.test(file))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}

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
