import { relative } from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options } from '@mikro-orm/sql';
import { repoRoot } from '../launcher/repo-root.ts';
import { BoundPostgreSqlDriver, BoundSqliteDriver } from '../store/bound-driver.ts';
import { ENTITIES } from '../store/entities.ts';
import { migrationsFolder, migratorOptions } from '../store/migrate.ts';
import { SharedSqliteDialect } from '../store/sqlite-dialect.ts';
import type { StoreConfig } from '../store/store-config.ts';

/**
 * `npm run migration:create -- <name>`: writes, for each dialect, a migration from the entities' change
 * since the last migration. It compares the entities with the schema snapshot checked in beside the
 * migrations, so it needs no database; the snapshot moves on with each migration it writes.
 */
const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9_]*$/i.test(name)) {
  console.error('usage: npm run migration:create -- <name>   (letters, digits and _, e.g. add_order_notes)');
  process.exit(2);
}

type DriverOptions = Pick<Options, 'driver' | 'dbName' | 'driverOptions' | 'clientUrl'>;

const DRIVERS: Record<StoreConfig['kind'], DriverOptions> = {
  sqlite: { driver: BoundSqliteDriver, dbName: ':memory:', driverOptions: new SharedSqliteDialect(':memory:') },
  // Never connected to: the migrator works from the snapshot.
  postgres: { driver: BoundPostgreSqlDriver, clientUrl: 'postgres://localhost/sluice' },
};

let written = 0;
for (const [kind, driver] of Object.entries(DRIVERS) as [StoreConfig['kind'], DriverOptions][]) {
  const orm = await MikroORM.init({
    ...driver,
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: { ...migratorOptions(kind), snapshot: true, snapshotName: 'schema-snapshot' },
    schemaGenerator: { ignoreTriggers: true },
  });
  const { fileName } = await orm.migrator.create(undefined, false, false, name);
  await orm.close();
  if (fileName) written++;
  console.log(fileName ? `wrote ${relative(repoRoot, migrationsFolder(kind))}/${fileName}` : `${kind}: the entities match the last migration`);
}
if (written > 0) console.log('Read each migration before committing it: a renamed column comes out as a drop and an add.');
