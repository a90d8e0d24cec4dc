import type { EntityManager } from '@mikro-orm/sql';
import { IN_PROCESS_STATES } from '../../domain/lifecycle.ts';
import { reassignmentOrder } from '../../domain/trip-planning/reassignment-order.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { ResourceRecord } from '../../store/resource.entity.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { performAction } from '../order-actions.ts';

/** Trips' orders, each trip with its driver and the reason its reassignments give. */
export interface TripOrders {
  driverId: string;
  orderIds: readonly string[];
  reason: string;
}

/**
 * Gives trips' assigned orders to their drivers through the order action path (the order's workflow reassigns,
 * checks the assignment rules and audits it): an order assigned to another driver cannot go on this one's trip.
 * Released orders, and orders already the driver's, are left as they are. Drivers give orders away before they
 * take more (reassignmentOrder), so a plan that fits every driver's capacity is not refused on the way.
 * Returns the orders reassigned, per driver.
 */
export async function reassignToDrivers(deps: Pick<ApiDeps, 'store' | 'temporal'>, em: EntityManager, trips: readonly TripOrders[], principal: Principal): Promise<Map<string, string[]>> {
  const tripOf = new Map(trips.flatMap((t) => t.orderIds.map((id) => [id, t] as const)));
  const orders = await em.find(OrderRecord, { id: { $in: [...tripOf.keys()] } }, { fields: ['id', 'state', 'assignee'], orderBy: { id: 'asc' } });
  const moves = orders.filter((o) => o.state === 'assigned' && o.assignee !== tripOf.get(o.id)!.driverId).map((o) => ({ orderId: o.id, from: o.assignee ?? null, to: tripOf.get(o.id)!.driverId }));
  const drivers = [...new Set(moves.flatMap((m) => [m.to, ...(m.from === null ? [] : [m.from])]))];
  const held = await em.find(OrderRecord, { assignee: { $in: drivers }, state: { $in: [...IN_PROCESS_STATES] } }, { fields: ['assignee'] });
  const inHand = new Map<string, number>();
  for (const o of held) inHand.set(o.assignee!, (inHand.get(o.assignee!) ?? 0) + 1);
  const capacity = new Map((await em.find(ResourceRecord, { id: { $in: drivers } }, { fields: ['id', 'capacity'] })).map((r) => [r.id, r.capacity]));
  const reassigned = new Map(trips.map((t) => [t.driverId, [] as string[]]));
  for (const move of reassignmentOrder(moves, inHand, capacity)) {
    await performAction(deps, move.orderId, { action: 'reassign', resource: move.to, reason: tripOf.get(move.orderId)!.reason }, { name: actorOf(principal), roles: principal.roles });
    reassigned.get(move.to)!.push(move.orderId);
  }
  return reassigned;
}
