import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { DEFAULT_RESERVE_AT, type ReserveAt, type WarehouseSettings } from '../../domain/inventory.ts';
import { insertAudit } from '../audit-log.ts';
import { dateOf, sqlOn, type DateColumn } from '../sql.ts';

/** Warehouses listed at most: those with stock or settings. */
const WAREHOUSES_MAX = 500;

type SettingsRow = { warehouse: string; reserve_at: ReserveAt | null; updated_at: DateColumn | null; updated_by: string | null };

const settingsOf = (r: SettingsRow): WarehouseSettings => ({
  warehouse: r.warehouse,
  reserveAt: r.reserve_at ?? DEFAULT_RESERVE_AT,
  updatedAt: r.updated_at === null ? null : dateOf(r.updated_at).toISOString(),
  updatedBy: r.updated_by,
});

/** When the warehouse's orders reserve their stock. */
export async function reserveAtOf(em: EntityManager, warehouse: string): Promise<ReserveAt> {
  const { rows } = await sql<{ reserve_at: ReserveAt }>`select reserve_at from warehouse_settings where warehouse = ${warehouse}`.execute(sqlOn(em));
  return rows[0]?.reserve_at ?? DEFAULT_RESERVE_AT;
}

/** The warehouses orders can take stock from (any with stock) and any given settings, by name, each with its settings. */
export async function listWarehouseSettings(em: EntityManager): Promise<WarehouseSettings[]> {
  const { rows } = await sql<SettingsRow>`select w.warehouse, s.reserve_at, s.updated_at, s.updated_by
    from (select warehouse from stock union select warehouse from warehouse_settings) w
    left join warehouse_settings s on s.warehouse = w.warehouse
    order by w.warehouse limit ${WAREHOUSES_MAX}`.execute(sqlOn(em));
  return rows.map(settingsOf);
}

/**
 * Sets when the warehouse's orders reserve, audited with the change in one transaction. Orders already
 * accepted keep what they hold; the setting decides for intakes and releases from now on.
 */
export async function putWarehouseSettings(em: EntityManager, warehouse: string, reserveAt: ReserveAt, by: string, now: Date): Promise<WarehouseSettings> {
  return em.transactional(async (tx) => {
    const db = sqlOn(tx);
    const before = await reserveAtOf(tx, warehouse);
    const { rows } = await sql<SettingsRow>`insert into warehouse_settings (warehouse, reserve_at, updated_at, updated_by) values (${warehouse}, ${reserveAt}, ${now}, ${by})
      on conflict (warehouse) do update set reserve_at = excluded.reserve_at, updated_at = excluded.updated_at, updated_by = excluded.updated_by
      returning warehouse, reserve_at, updated_at, updated_by`.execute(db);
    await insertAudit(tx, { dedupeKey: `warehouse-settings:${randomUUID()}`, subjectType: 'warehouse', subjectId: warehouse, action: 'warehouse_settings_changed', actor: by, data: { before: { reserveAt: before }, after: { reserveAt } }, at: now });
    return settingsOf(rows[0]!);
  });
}
