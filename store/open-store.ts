import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MikroORM } from '@mikro-orm/sql';
import { BoundSqliteDriver } from './bound-sqlite-driver.ts';
import { commitOrderDdl } from './commit-order.ts';
import { ENTITIES } from './entities.ts';
import { SharedSqliteDialect } from './sqlite-dialect.ts';
import type { StoreConfig } from './store-config.ts';

export type Store = MikroORM;

// SQLite has no privileges to revoke, so the audit log's append-only rule is enforced by triggers.
const AUDIT_GUARDS = [
  `create trigger if not exists audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`,
  `create trigger if not exists audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end`,
];

/** Opens the store, bringing its schema up to date with the entities. */
export async function openStore(config: StoreConfig, options: { debug?: boolean; busyTimeoutMs?: number } = {}): Promise<Store> {
  if (config.kind !== 'sqlite') throw new Error('PostgreSQL is not supported yet');
  if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
  const orm = await MikroORM.init({
    driver: BoundSqliteDriver,
    dbName: config.file,
    driverOptions: new SharedSqliteDialect(config.file, options.busyTimeoutMs),
    entities: ENTITIES,
    debug: options.debug ?? false,
  });
  await orm.schema.update();
  for (const sql of [...AUDIT_GUARDS, ...commitOrderDdl(config.kind)]) await orm.em.getConnection().execute(sql);
  return orm;
}
