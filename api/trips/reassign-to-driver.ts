import type { EntityManager } from '@mikro-orm/sql';
import { mayPerform, roleRefusal } from '../../domain/action-roles.ts';
import { IN_PROCESS_STATES } from '../../domain/lifecycle.ts';
import { reassignmentOrder } from '../../domain/trip-planning/reassignment-order.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { ResourceRecord } from '../../store/resource.entity.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { UserError } from '../errors.ts';
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
 * Returns the orders reassigned, per driver; refuses (403, before any order moves) a person who may not reassign.
 */
export async function reassignToDrivers(deps: Pick<ApiDeps, 'store' | 'temporal'>, em: EntityManager, trips: readonly TripOrders[], principal: Principal): Promise<Map<string, string[]>> {
  const tripOf = new Map(trips.flatMap((t) => t.orderIds.map((id) => [id, t] as const)));
  const orders = await em.find(OrderRecord, { id: { $in: [...tripOf.keys()] } }, { fields: ['id', 'state', 'assignee'], orderBy: { id: 'asc' } });
  const moves = orders.filter((o) => o.state === 'assigned' && o.assignee !== tripOf.get(o.id)!.driverId).map((o) => ({ orderId: o.id, from: o.assignee ?? null, to: tripOf.get(o.id)!.driverId }));
  // Refused before any order moves: a role that may plan trips but not reassign (the ops manager) is told so, not stopped half-way.
  const scope = { action: 'reassign' as const, state: 'assigned' as const };
  if (moves.length > 0 && !mayPerform(principal.roles, scope))
    throw new UserError(
      403,
      'forbidden',
      `This puts ${moves.length === 1 ? `order ${moves[0]!.orderId}, assigned to ${moves[0]!.from}, on ${moves[0]!.to}'s trip` : `${moves.length} orders assigned to other drivers on these trips`}, which reassigns ${moves.length === 1 ? 'it' : 'them'}: ${roleRefusal(scope)} Ask a dispatcher, or leave out orders assigned to other drivers.`,
    );
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
