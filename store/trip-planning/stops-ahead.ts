import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { StopAhead } from '../../domain/trip-planning/planning-order.ts';
import { LIVE_TRIP_STATES, type StopKind } from '../../domain/trips/trip.ts';
import { sqlOn } from '../sql.ts';

type Row = { driver_id: string; order_id: string; kind: StopKind; pickup_lat: number | null; pickup_lng: number | null; dropoff_lat: number | null; dropoff_lng: number | null };

/**
 * Each driver's stops still to do (pending or arrived) on their live trips: the oldest trip's first, each
 * trip's in its order. A driver with no live trip has none.
 */
export async function stopsAhead(em: EntityManager, driverIds: readonly string[]): Promise<Map<string, StopAhead[]>> {
  const ahead = new Map<string, StopAhead[]>(driverIds.map((id) => [id, []]));
  if (driverIds.length === 0) return ahead;
  const { rows } = await sql<Row>`select t.driver_id, s.order_id, s.kind, o.pickup_lat, o.pickup_lng, o.dropoff_lat, o.dropoff_lng
    from trips t
    join trip_stops s on s.trip_id = t.id
    join orders o on o.id = s.order_id
    where t.driver_id in (${sql.join(driverIds)}) and t.state in (${sql.join(LIVE_TRIP_STATES)}) and s.status in (${'pending'}, ${'arrived'})
    order by t.driver_id, t.created_at, t.id, s.position`.execute(sqlOn(em));
  for (const r of rows) {
    const [lat, lng] = r.kind === 'pickup' ? [r.pickup_lat, r.pickup_lng] : [r.dropoff_lat, r.dropoff_lng];
    ahead.get(r.driver_id)!.push({ orderId: r.order_id, kind: r.kind, at: lat === null || lng === null ? null : { lat: Number(lat), lng: Number(lng) } });
  }
  return ahead;
}
