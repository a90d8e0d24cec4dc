import { MikroORM } from '@mikro-orm/sql';
import { driverOptions } from './dialect.ts';
import { ENTITIES } from './entities.ts';
import type { StoreConfig } from './store-config.ts';

export type Store = MikroORM;

// SQLite has no privileges to revoke, so the audit log's append-only rule is enforced by triggers.
const AUDIT_GUARDS = [
  `create trigger if not exists audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`,
  `create trigger if not exists audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end`,
];

/** Brings the store's schema up to date with the entities. */
async function updateSchema(orm: MikroORM, config: StoreConfig): Promise<void> {
  await orm.schema.update();
  if (config.kind === 'sqlite') for (const sql of AUDIT_GUARDS) await orm.em.getConnection().execute(sql);
}

/** Opens the store (creating its file or database if need be), bringing its schema up to date with the entities. */
export async function openStore(config: StoreConfig, options: { debug?: boolean; busyTimeoutMs?: number } = {}): Promise<Store> {
  const orm = await MikroORM.init({ ...(await driverOptions(config, options)), entities: ENTITIES, debug: options.debug ?? false });
  await updateSchema(orm, config);
  return orm;
}
