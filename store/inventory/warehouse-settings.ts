import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { GeoPoint } from '../../domain/geo.ts';
import { DEFAULT_RESERVE_AT, type ReserveAt, type WarehouseSettings, type WarehouseSettingsInput } from '../../domain/inventory.ts';
import { insertAudit } from '../audit-log.ts';
import { dateOf, sqlOn, type DateColumn } from '../sql.ts';

/** Warehouses listed at most: those with stock or settings. */
const WAREHOUSES_MAX = 500;

type SettingsRow = {
  warehouse: string;
  reserve_at: ReserveAt | null;
  location_lat: number | null;
  location_lng: number | null;
  updated_at: DateColumn | null;
  updated_by: string | null;
};

const locationOf = (r: Pick<SettingsRow, 'location_lat' | 'location_lng'>): GeoPoint | null =>
  r.location_lat === null || r.location_lng === null ? null : { lat: Number(r.location_lat), lng: Number(r.location_lng) };

const settingsOf = (r: SettingsRow): WarehouseSettings => ({
  warehouse: r.warehouse,
  reserveAt: r.reserve_at ?? DEFAULT_RESERVE_AT,
  location: locationOf(r),
  updatedAt: r.updated_at === null ? null : dateOf(r.updated_at).toISOString(),
  updatedBy: r.updated_by,
});

/** When the warehouse's orders reserve their stock. */
export async function reserveAtOf(em: EntityManager, warehouse: string): Promise<ReserveAt> {
  const { rows } = await sql<{ reserve_at: ReserveAt }>`select reserve_at from warehouse_settings where warehouse = ${warehouse}`.execute(sqlOn(em));
  return rows[0]?.reserve_at ?? DEFAULT_RESERVE_AT;
}

/** Where the warehouse is (the depot of its trips); null when nobody set it. */
export async function warehouseLocation(em: EntityManager, warehouse: string): Promise<GeoPoint | null> {
  const { rows } = await sql<Pick<SettingsRow, 'location_lat' | 'location_lng'>>`select location_lat, location_lng from warehouse_settings where warehouse = ${warehouse}`.execute(sqlOn(em));
  return rows[0] ? locationOf(rows[0]) : null;
}

/** The warehouses orders can take stock from (any with stock) and any given settings, by name, each with its settings. */
export async function listWarehouseSettings(em: EntityManager): Promise<WarehouseSettings[]> {
  const { rows } = await sql<SettingsRow>`select w.warehouse, s.reserve_at, s.location_lat, s.location_lng, s.updated_at, s.updated_by
    from (select warehouse from stock union select warehouse from warehouse_settings) w
    left join warehouse_settings s on s.warehouse = w.warehouse
    order by w.warehouse limit ${WAREHOUSES_MAX}`.execute(sqlOn(em));
  return rows.map(settingsOf);
}

/**
 * Changes what the input gives of a warehouse's settings (when its orders reserve, where it is), audited with
 * the change in one transaction. Orders already accepted keep what they hold; the reserve setting decides for
 * intakes and releases from now on, the location for trips planned from now on.
 */
export async function putWarehouseSettings(em: EntityManager, warehouse: string, change: WarehouseSettingsInput, by: string, now: Date): Promise<WarehouseSettings> {
  return em.transactional(async (tx) => {
    const db = sqlOn(tx);
    const before = { reserveAt: await reserveAtOf(tx, warehouse), location: await warehouseLocation(tx, warehouse) };
    const after = { reserveAt: change.reserveAt ?? before.reserveAt, location: change.location === undefined ? before.location : change.location };
    const { rows } = await sql<SettingsRow>`insert into warehouse_settings (warehouse, reserve_at, location_lat, location_lng, updated_at, updated_by)
      values (${warehouse}, ${after.reserveAt}, ${after.location?.lat ?? null}, ${after.location?.lng ?? null}, ${now}, ${by})
      on conflict (warehouse) do update set reserve_at = excluded.reserve_at, location_lat = excluded.location_lat, location_lng = excluded.location_lng,
        updated_at = excluded.updated_at, updated_by = excluded.updated_by
      returning warehouse, reserve_at, location_lat, location_lng, updated_at, updated_by`.execute(db);
    await insertAudit(tx, { dedupeKey: `warehouse-settings:${randomUUID()}`, subjectType: 'warehouse', subjectId: warehouse, action: 'warehouse_settings_changed', actor: by, data: { before, after }, at: now });
    return settingsOf(rows[0]!);
  });
}
