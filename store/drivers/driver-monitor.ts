import type { EntityManager } from '@mikro-orm/sql';
import type { MonitorRow } from '../../domain/drivers/driver-trip.ts';
import type { TripState } from '../../domain/trips/trip.ts';
import { readDriverProfiles } from './driver-profiles.ts';
import { liveTripsOf, withStops } from './driver-trips.ts';

/** The trip a driver is on now: the one on the road, else the next one sent, else the next one planned. */
const CURRENT_FIRST: readonly TripState[] = ['in_progress', 'dispatched', 'planned'];

export interface MonitorFilter {
  workAreaId?: string | undefined;
  zone?: string | undefined;
  availability?: 'available' | 'unavailable' | undefined;
}

/** Every driver's line on the monitor: profile, cash, position, current trip and how far along it is. */
export async function readDriverMonitor(em: EntityManager, filter: MonitorFilter, now: Date): Promise<MonitorRow[]> {
  const profiles = (await readDriverProfiles(em, filter.workAreaId ? { workAreaId: filter.workAreaId } : {})).filter(
    (p) => (!filter.zone || p.zones.includes(filter.zone)) && (!filter.availability || p.available === (filter.availability === 'available')),
  );
  const trips = await liveTripsOf(em, profiles.map((p) => p.driverId));
  const current = new Map<string, (typeof trips)[number]>();
  for (const t of trips) {
    const held = current.get(t.driverId);
    if (!held || CURRENT_FIRST.indexOf(t.state) < CURRENT_FIRST.indexOf(held.state)) current.set(t.driverId, t);
  }
  const detailed = new Map((await withStops(em, [...current.values()])).map((t) => [t.id, t]));
  return profiles.map((p) => {
    const trip = current.has(p.driverId) ? (detailed.get(current.get(p.driverId)!.id) ?? null) : null;
    const stops = trip?.stops ?? [];
    return {
      ...p,
      currentTrip: trip,
      stopsDone: stops.filter((s) => s.status === 'done' || s.status === 'failed').length,
      stopsLeft: stops.filter((s) => s.status === 'pending' || s.status === 'arrived').length,
      lateStops: stops.filter((s) => s.status === 'pending' && new Date(s.dueAt).getTime() < now.getTime()).length,
    };
  });
}
