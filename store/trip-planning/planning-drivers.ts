import type { EntityManager } from '@mikro-orm/sql';
import { shiftEndAt } from '../../domain/trip-planning/shift-end.ts';
import type { PlanningDriver } from '../../domain/trip-planning/planning-order.ts';
import { ResourceRecord } from '../resource.entity.ts';
import { WorkAreaRecord } from '../work-area.entity.ts';
import { stopsAhead } from './stops-ahead.ts';

/** A driver pool without a shift calendar plans a shift of this length from now. */
export const DEFAULT_SHIFT_HOURS = 8;

export interface PlanningDrivers {
  drivers: PlanningDriver[];
  /** Drivers asked for or of the zone who cannot take a trip now, and why. */
  leftOut: { driverId: string; reason: string }[];
  /** Ids asked for that name no driver of a driver pool. */
  unknown: string[];
}

/**
 * The drivers to plan for: those named, or else the available drivers of the zone's driver pools (a driver's
 * own zone, or their pool's when they have none); each with the end of their pool's current shift and the
 * stops of their live trips still to do.
 */
export async function planningDrivers(em: EntityManager, request: { zone: string; driverIds?: readonly string[] | undefined; limit: number }, now: Date): Promise<PlanningDrivers> {
  const pools = new Map((await em.find(WorkAreaRecord, { kind: 'driver_pool' })).map((a) => [a.id, a]));
  const named = request.driverIds !== undefined;
  const zonePools = [...pools.values()].filter((a) => a.zone === request.zone).map((a) => a.id);
  const ofZone = { available: true, $or: [{ zone: request.zone, workAreaId: { $in: [...pools.keys()] } }, { zone: null, workAreaId: { $in: zonePools } }] };
  const rows = await em.find(
    ResourceRecord,
    { kind: 'driver', workAreaId: { $in: [...pools.keys()] }, ...(named ? { id: { $in: [...request.driverIds!] } } : ofZone) },
    { orderBy: { id: 'asc' }, limit: request.limit },
  );
  const found = new Set(rows.map((r) => r.id));
  const result: PlanningDrivers = { drivers: [], leftOut: [], unknown: (request.driverIds ?? []).filter((id) => !found.has(id)) };
  const ahead = await stopsAhead(em, rows.map((r) => r.id));
  for (const r of rows) {
    const pool = pools.get(r.workAreaId)!;
    if (!r.available) {
      result.leftOut.push({ driverId: r.id, reason: `${r.name} is marked unavailable (off shift, sick or broken down).` });
      continue;
    }
    const end = shiftEndAt(pool.shiftCalendar ?? null, pool.timeZone, now);
    if (end === null) {
      result.leftOut.push({ driverId: r.id, reason: `${r.name}'s pool ${pool.name} is off shift now (by its shift calendar).` });
      continue;
    }
    result.drivers.push({ id: r.id, name: r.name, capacity: r.capacity, shiftEnd: end ?? new Date(now.getTime() + DEFAULT_SHIFT_HOURS * 3_600_000), ahead: ahead.get(r.id)! });
  }
  return result;
}
