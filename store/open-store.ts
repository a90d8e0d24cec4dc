import { Migrator } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/sql';
import { driverOptions } from './dialect.ts';
import { ENTITIES } from './entities.ts';
import { migrate, migratorOptions, requireMigrated } from './migrate.ts';
import type { StoreConfig } from './store-config.ts';

export type Store = MikroORM;

type OpenOptions = { debug?: boolean; busyTimeoutMs?: number };

/**
 * Opens the store. With `migrate` it applies the pending migrations (behind a lock, so several processes
 * may ask at once); without, it refuses a database that is behind the code's migrations.
 */
export async function openStore(config: StoreConfig, options: OpenOptions & { migrate?: boolean } = {}): Promise<Store> {
  const orm = await connectStore(config, options);
  try {
    await (options.migrate ? migrate(orm) : requireMigrated(orm));
  } catch (err) {
    await orm.close();
    throw err;
  }
  return orm;
}

/**
 * The store (its file or database created if need be) with its schema as it is, neither checked nor
 * migrated: for `./sluice migrate` and tests of upgrades.
 */
export async function connectStore(config: StoreConfig, options: OpenOptions = {}): Promise<Store> {
  return MikroORM.init({
    ...(await driverOptions(config, options)),
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: migratorOptions(config.kind),
    // The audit log's guards and the live events' stamps are triggers the migrations create; the entities do not declare them.
    schemaGenerator: { ignoreTriggers: true },
    debug: options.debug ?? false,
  });
}
