import type { EntityManager } from '@mikro-orm/sql';
import type { DriverStop, DriverTrip } from '../../domain/drivers/driver-trip.ts';
import { LIVE_TRIP_STATES } from '../../domain/trips/trip.ts';
import { threadKey, unreadMentions } from '../conversations/driver-mentions.ts';
import { OrderRecord } from '../order.entity.ts';
import { TripRecord, TripStopRecord } from '../trips/trip.entity.ts';

const point = (lat: number | null | undefined, lng: number | null | undefined) => (lat != null && lng != null ? { lat, lng } : null);

/**
 * Trips with their stops in order, each stop with its order's point, due time, cash to collect and the
 * mentions of the trip's driver on the order's conversation that they have not read.
 */
export async function withStops(em: EntityManager, trips: readonly TripRecord[]): Promise<DriverTrip[]> {
  if (trips.length === 0) return [];
  const stops = await em.find(TripStopRecord, { tripId: { $in: trips.map((t) => t.id) } }, { orderBy: { tripId: 'asc', position: 'asc' }, refresh: true });
  const orders = new Map(
    (
      await em.find(
        OrderRecord,
        { id: { $in: [...new Set(stops.map((s) => s.orderId))] } },
        { fields: ['id', 'reference', 'dueAt', 'paymentMode', 'codAmount', 'pickupLat', 'pickupLng', 'dropoffLat', 'dropoffLng'] },
      )
    ).map((o) => [o.id, o]),
  );
  const unread = await unreadMentions(em, [...new Set(trips.map((t) => t.driverId))], [...orders.keys()]);
  const driverOf = new Map(trips.map((t) => [t.id, t.driverId]));
  const byTrip = new Map<string, DriverStop[]>();
  for (const s of stops) {
    const o = orders.get(s.orderId);
    const stop: DriverStop = {
      orderId: s.orderId,
      reference: o?.reference ?? s.orderId,
      kind: s.kind,
      status: s.status,
      pinned: s.pinned,
      point: s.kind === 'pickup' ? point(o?.pickupLat, o?.pickupLng) : point(o?.dropoffLat, o?.dropoffLng),
      dueAt: (o?.dueAt ?? new Date(0)).toISOString(),
      codToCollect: s.kind === 'dropoff' && o?.paymentMode === 'cod' ? (o.codAmount ?? null) : null,
      unreadMentions: unread.get(threadKey(driverOf.get(s.tripId)!, s.orderId)) ?? 0,
    };
    byTrip.set(s.tripId, [...(byTrip.get(s.tripId) ?? []), stop]);
  }
  return trips.map((t) => ({ id: t.id, state: t.state, version: t.version, stops: byTrip.get(t.id) ?? [] }));
}

/** A driver's live trips (planned ones too, so the app shows what is coming), oldest first. */
export async function liveTripsOf(em: EntityManager, driverIds: readonly string[]): Promise<TripRecord[]> {
  if (driverIds.length === 0) return [];
  return em.find(TripRecord, { driverId: { $in: [...driverIds] }, state: { $in: [...LIVE_TRIP_STATES] } }, { orderBy: { createdAt: 'asc', id: 'asc' }, refresh: true });
}

/** The trip if it is this driver's; null otherwise, so that another driver's trip is as unknown as a missing one. */
export async function tripOfDriver(em: EntityManager, driverId: string, tripId: string): Promise<TripRecord | null> {
  const trip = await em.findOne(TripRecord, { id: tripId }, { refresh: true });
  return trip?.driverId === driverId ? trip : null;
}

/** Whether the order has a stop on this driver's live trip: the one order conversation a driver may open. */
export async function orderOnLiveTripOf(em: EntityManager, driverId: string, tripId: string, orderId: string): Promise<boolean> {
  const trip = await em.findOne(TripRecord, { id: tripId, driverId, state: { $in: [...LIVE_TRIP_STATES] } }, { fields: ['id'], refresh: true });
  return trip !== null && (await em.count(TripStopRecord, { tripId, orderId })) > 0;
}
