import type { OrderState } from '../lifecycle.ts';
import type { OrderKind } from '../order.ts';
import { STOPS_FOR_KIND } from './trip.ts';

/** The order states a trip takes: released to a driver pool, and possibly assigned to the trip's driver. */
export const TRIP_ORDER_STATES = ['released', 'assigned'] as const satisfies readonly OrderState[];

/** Why an order cannot go on `driverId`'s trip, in words a dispatcher can act on; null when it can. */
export function tripOrderRefusal(order: { id: string; kind: OrderKind; state: OrderState; assignee: string | null }, driverId: string): string | null {
  if (!STOPS_FOR_KIND[order.kind]) return `Order ${order.id} is a ${order.kind.replaceAll('_', ' ')} order: only pickup, delivery, pickup & delivery and on-demand orders go on trips.`;
  if (!(TRIP_ORDER_STATES as readonly string[]).includes(order.state))
    return `Order ${order.id} is ${order.state.replaceAll('_', ' ')}: an order goes on a trip once it is released and before the driver has it.`;
  if (order.state === 'assigned' && order.assignee && order.assignee !== driverId)
    return `Order ${order.id} is assigned to ${order.assignee}: put it on their trip, or reassign it to ${driverId} first.`;
  return null;
}
