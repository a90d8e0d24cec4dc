import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { OrderState } from '../../domain/lifecycle.ts';
import type { OrderKind } from '../../domain/order.ts';
import type { PlanningOrder } from '../../domain/trip-planning/planning-order.ts';
import { TRIP_ORDER_STATES } from '../../domain/trips/trip-orders.ts';
import { STOPS_FOR_KIND } from '../../domain/trips/trip.ts';
import { dateOf, sqlOn, type DateColumn } from '../sql.ts';

type Row = {
  id: string;
  reference: string | null;
  kind: OrderKind;
  state: OrderState;
  assignee: string | null;
  due_at: DateColumn;
  warehouse: string | null;
  pickup_lat: number | null;
  pickup_lng: number | null;
  dropoff_lat: number | null;
  dropoff_lng: number | null;
};

const point = (lat: number | null, lng: number | null) => (lat === null || lng === null ? null : { lat: Number(lat), lng: Number(lng) });

/**
 * A zone's orders waiting for a trip: of a kind that goes on trips, released or assigned, on no live trip;
 * soonest due first, at most `limit`.
 */
export async function planningOrders(em: EntityManager, zone: string, limit: number): Promise<PlanningOrder[]> {
  const kinds = Object.keys(STOPS_FOR_KIND);
  const { rows } = await sql<Row>`select o.id, o.reference, o.kind, o.state, o.assignee, o.due_at, o.warehouse, o.pickup_lat, o.pickup_lng, o.dropoff_lat, o.dropoff_lng
    from orders o
    where o.zone = ${zone} and o.kind in (${sql.join(kinds)}) and o.state in (${sql.join(TRIP_ORDER_STATES)})
      and not exists (select 1 from trip_orders t where t.order_id = o.id)
    order by o.due_at, o.id limit ${limit}`.execute(sqlOn(em));
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    state: r.state,
    assignee: r.assignee,
    dueAt: dateOf(r.due_at),
    warehouse: r.warehouse,
    pickupLocation: point(r.pickup_lat, r.pickup_lng),
    dropoffLocation: point(r.dropoff_lat, r.dropoff_lng),
  }));
}
