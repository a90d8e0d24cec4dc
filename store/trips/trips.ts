import type { EntityManager } from '@mikro-orm/sql';
import type { Stop, TripDetail, TripState, TripSummary } from '../../domain/trips/trip.ts';
import { AuditEntryRecord } from '../audit-entry.entity.ts';
import { TripOrderRecord, TripRecord, TripStopRecord } from './trip.entity.ts';

/** A page of trips is what a dispatcher's board shows at once; newest first. */
export const TRIP_PAGE = 200;

async function summariesOf(em: EntityManager, rows: readonly TripRecord[]): Promise<TripSummary[]> {
  const stops = await em.find(TripStopRecord, { tripId: { $in: rows.map((r) => r.id) } }, { orderBy: { tripId: 'asc', position: 'asc' } });
  const byTrip = new Map<string, Stop[]>();
  for (const s of stops) byTrip.set(s.tripId, [...(byTrip.get(s.tripId) ?? []), { orderId: s.orderId, kind: s.kind, pinned: s.pinned, status: s.status }]);
  return rows.map((r) => ({
    id: r.id,
    driverId: r.driverId,
    workAreaId: r.workAreaId,
    state: r.state,
    stops: byTrip.get(r.id) ?? [],
    version: r.version,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** Trips filtered by state, driver, or the order on them (its live trip's, and past trips'). */
export async function listTrips(em: EntityManager, filter: { state?: TripState | undefined; driverId?: string | undefined; orderId?: string | undefined }): Promise<TripSummary[]> {
  const withOrder = filter.orderId ? (await em.find(TripStopRecord, { orderId: filter.orderId }, { fields: ['tripId'] })).map((s) => s.tripId) : null;
  const rows = await em.find(
    TripRecord,
    { ...(filter.state ? { state: filter.state } : {}), ...(filter.driverId ? { driverId: filter.driverId } : {}), ...(withOrder ? { id: { $in: withOrder } } : {}) },
    { orderBy: { createdAt: 'desc', id: 'asc' }, limit: TRIP_PAGE },
  );
  return summariesOf(em, rows);
}

/** The live trip an order is on, if any. */
export async function liveTripOf(em: EntityManager, orderId: string): Promise<string | null> {
  return (await em.findOne(TripOrderRecord, { orderId }))?.tripId ?? null;
}

/** One trip with its stops and its timeline from the audit log, oldest first; null when there is none. */
export async function readTrip(em: EntityManager, id: string): Promise<TripDetail | null> {
  const row = await em.findOne(TripRecord, { id }, { refresh: true });
  if (!row) return null;
  const entries = await em.find(AuditEntryRecord, { subjectType: 'trip', subjectId: id }, { orderBy: { at: 'asc', seq: 'asc' } });
  return {
    ...(await summariesOf(em, [row]))[0]!,
    timeline: entries.map((e) => ({ at: e.at.toISOString(), action: e.action, fromState: e.fromState ?? null, toState: e.toState ?? null, actor: e.actor, reason: e.reason ?? null })),
  };
}
