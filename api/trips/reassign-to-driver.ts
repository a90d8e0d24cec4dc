import type { EntityManager } from '@mikro-orm/sql';
import { OrderRecord } from '../../store/order.entity.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { performAction } from '../order-actions.ts';

/**
 * Gives a trip's assigned orders to its driver through the order action path (the order's workflow reassigns,
 * checks the assignment rules and audits it): an order assigned to another driver cannot go on this one's trip.
 * Released orders, and orders already the driver's, are left as they are. Returns the orders reassigned.
 */
export async function reassignToDriver(deps: Pick<ApiDeps, 'store' | 'temporal'>, em: EntityManager, orderIds: readonly string[], driverId: string, reason: string, principal: Principal): Promise<string[]> {
  const orders = await em.find(OrderRecord, { id: { $in: [...new Set(orderIds)] } }, { fields: ['id', 'state', 'assignee'], orderBy: { id: 'asc' } });
  const others = orders.filter((o) => o.state === 'assigned' && o.assignee !== driverId).map((o) => o.id);
  for (const id of others) await performAction(deps, id, { action: 'reassign', resource: driverId, reason }, { name: actorOf(principal), roles: principal.roles });
  return others;
}
