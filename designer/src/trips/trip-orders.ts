import type { OrderDetail } from '../../../domain/order.ts';
import type { TripSummary } from '../../../domain/trips/trip.ts';
import { getOrder } from '../api/client.ts';

/** At most this many order reads at once: a board of full trips must not flood the API. */
const AT_ONCE = 8;

/** The orders on the trips, by id, for their references, due times and last-mile statuses. */
export async function ordersOf(trips: readonly TripSummary[], signal: AbortSignal): Promise<Map<string, OrderDetail>> {
  const ids = [...new Set(trips.flatMap((t) => t.stops.map((s) => s.orderId)))];
  const found = new Map<string, OrderDetail>();
  for (let i = 0; i < ids.length; i += AT_ONCE) {
    const batch = await Promise.all(ids.slice(i, i + AT_ONCE).map((id) => getOrder(id, signal)));
    for (const order of batch) found.set(order.id, order);
  }
  return found;
}
