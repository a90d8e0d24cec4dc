import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationsOptions } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/sql';
import { repoRoot } from '../launcher/repo-root.ts';
import { migratorOpensTransaction, withMigrationLock } from './dialect.ts';
import type { StoreConfig } from './store-config.ts';

const TABLE = 'mikro_orm_migrations';

/** The checked-in migrations of one dialect: their DDL differs, so each dialect has its own folder. */
export function migrationsFolder(kind: StoreConfig['kind']): string {
  return join(repoRoot, 'store', 'migrations', kind === 'postgres' ? 'postgresql' : 'sqlite');
}

/**
 * The migrator's settings. The run is one transaction (see `withMigrationLock`); the snapshot is written
 * only by `npm run migration:create`, never by a process that migrates.
 */
export function migratorOptions(kind: StoreConfig['kind']): MigrationsOptions {
  return {
    path: migrationsFolder(kind),
    glob: 'Migration*.ts',
    tableName: TABLE,
    transactional: migratorOpensTransaction(kind),
    snapshot: false,
    silent: true,
  };
}

/**
 * Applies the pending migrations, one process at a time, and returns their names in the order applied.
 * A process that waited for another's run finds nothing left to do.
 */
export async function migrate(store: MikroORM): Promise<string[]> {
  const schemaSynced = await isSchemaSynced(store);
  try {
    return await withMigrationLock(store, async (transaction) => {
      const applied = await store.migrator.up(transaction ? { transaction } : undefined);
      return applied.map((m) => m.name);
    });
  } catch (err) {
    if (!schemaSynced) throw err;
    throw new Error(
      `This database was made before migrations, by a release older than the last one that brought its schema up at start, so the first migration cannot take it (${err instanceof Error ? err.message : String(err)}). Start it once with that release (0.1.0 as of 2666c29), then migrate again. Nothing was changed.`,
      { cause: err },
    );
  }
}

/** A database with Sluice's tables and no migration table: made by a release that synced its schema at start. */
async function isSchemaSynced(store: MikroORM): Promise<boolean> {
  const helper = store.em.getPlatform().getSchemaHelper()!;
  const connection = store.em.getConnection();
  return !(await helper.tableExists(connection, TABLE, undefined)) && (await helper.tableExists(connection, 'orders', undefined));
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

/** The migrations this code knows for a dialect, oldest first. */
export function knownMigrations(kind: StoreConfig['kind']): string[] {
  return migrationNamesIn(migrationsFolder(kind));
}

function migrationFiles(store: MikroORM): string[] {
  return migrationNamesIn(store.config.get('migrations').path!);
}

function migrationNamesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((file) => /^Migration.*\.ts$/.test(file))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}
