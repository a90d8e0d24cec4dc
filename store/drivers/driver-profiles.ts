import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { DriverProfile, DriverProfileInput } from '../../domain/drivers/driver-profile.ts';
import { insertAudit } from '../audit-log.ts';
import { inTransaction } from '../in-transaction.ts';
import { ResourceRecord } from '../resource.entity.ts';
import { jsonValue, sqlOn } from '../sql.ts';
import { cashOnHand } from './cash-on-hand.ts';
import { DriverProfileRecord } from './driver-profile.entity.ts';
import { DriverRefusal } from './driver-refusal.ts';

export const profileOf = (driver: ResourceRecord, row: DriverProfileRecord | null, cash: number): DriverProfile => ({
  driverId: driver.id,
  name: driver.name,
  workAreaId: driver.workAreaId,
  available: driver.available,
  carrierType: driver.carrierType,
  shiftStart: row?.shiftStart ?? null,
  shiftEnd: row?.shiftEnd ?? null,
  vehicle:
    row?.vehicleName && row.vehicleCapacity
      ? { name: row.vehicleName, capacityOrders: row.vehicleCapacity, weightKg: row.vehicleWeightKg ?? null, volumeM3: row.vehicleVolumeM3 ?? null }
      : null,
  zones: row?.zones ?? [],
  cashOnHand: cash,
  position: row?.lastSeenAt && row.lastLat != null && row.lastLng != null ? { lat: row.lastLat, lng: row.lastLng, at: row.lastSeenAt.toISOString() } : null,
  version: row?.version ?? 0,
});

/** The driver resource behind an id; null when there is none or it is a team or a line. */
export async function driverResource(em: EntityManager, driverId: string): Promise<ResourceRecord | null> {
  const found = await em.findOne(ResourceRecord, { id: driverId });
  return found?.kind === 'driver' ? found : null;
}

/** Profiles of the drivers given (every driver when none given), with their cash on hand. */
export async function readDriverProfiles(em: EntityManager, filter: { driverIds?: readonly string[]; workAreaId?: string } = {}): Promise<DriverProfile[]> {
  const drivers = await em.find(
    ResourceRecord,
    { kind: 'driver', ...(filter.driverIds ? { id: { $in: [...filter.driverIds] } } : {}), ...(filter.workAreaId ? { workAreaId: filter.workAreaId } : {}) },
    { orderBy: { name: 'asc', id: 'asc' } },
  );
  const ids = drivers.map((d) => d.id);
  const rows = new Map((await em.find(DriverProfileRecord, { driverId: { $in: ids } }, { refresh: true })).map((r) => [r.driverId, r]));
  const cash = await cashOnHand(em, ids);
  return drivers.map((d) => profileOf(d, rows.get(d.id) ?? null, cash.get(d.id) ?? 0));
}

/**
 * Sets a driver's shift, vehicle and zones, if the profile is still at `version` (0 before its first edit):
 * a conditional write, so two dispatchers saving at once do not both win; audited in the same transaction.
 */
export async function saveDriverProfile(em: EntityManager, driverId: string, version: number, input: DriverProfileInput, who: { by: string; now: Date }): Promise<void> {
  await inTransaction(em, async (tx) => {
    if (!(await driverResource(tx, driverId))) throw new DriverRefusal(`No driver ${driverId}.`);
    const v = input.vehicle;
    const { rows } = await sql`insert into driver_profiles (driver_id, shift_start, shift_end, vehicle_name, vehicle_capacity, vehicle_weight_kg, vehicle_volume_m3, zones, version)
      values (${driverId}, ${input.shiftStart}, ${input.shiftEnd}, ${v.name}, ${v.capacityOrders}, ${v.weightKg}, ${v.volumeM3}, ${jsonValue(input.zones)}, 1)
      on conflict (driver_id) do update set shift_start = excluded.shift_start, shift_end = excluded.shift_end, vehicle_name = excluded.vehicle_name,
        vehicle_capacity = excluded.vehicle_capacity, vehicle_weight_kg = excluded.vehicle_weight_kg, vehicle_volume_m3 = excluded.vehicle_volume_m3,
        zones = excluded.zones, version = driver_profiles.version + 1
      where driver_profiles.version = ${version} returning version`.execute(sqlOn(tx));
    const saved = rows[0] as { version: number } | undefined;
    if (!saved || Number(saved.version) !== version + 1)
      throw new DriverRefusal('Someone else changed this driver at the same moment. Nothing was changed; look at the driver again.');
    await insertAudit(tx, { dedupeKey: `driver:${driverId}:profile:${version + 1}`, subjectType: 'driver', subjectId: driverId, action: 'profile_set', actor: who.by, at: who.now, data: { ...input } });
  });
}

/**
 * Keeps the driver's last position: overwritten in place, and only by a newer fix (a phone sends pings it
 * queued offline late, and out of order). Returns whether this ping was the newest.
 */
export async function recordLocation(em: EntityManager, driverId: string, ping: { lat: number; lng: number; at: Date }): Promise<boolean> {
  const { rows } = await sql`insert into driver_profiles (driver_id, zones, last_lat, last_lng, last_seen_at, version) values (${driverId}, ${jsonValue([])}, ${ping.lat}, ${ping.lng}, ${ping.at}, 0)
    on conflict (driver_id) do update set last_lat = excluded.last_lat, last_lng = excluded.last_lng, last_seen_at = excluded.last_seen_at
    where driver_profiles.last_seen_at is null or driver_profiles.last_seen_at < excluded.last_seen_at returning driver_id`.execute(sqlOn(em));
  return rows.length > 0;
}
