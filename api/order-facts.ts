import type { EntityManager } from '@mikro-orm/sql';
import type { DecisionPointId } from '../domain/decision-points.ts';
import { escalationFacts } from '../rules/escalation-facts.ts';
import { intakeFacts } from '../rules/intake-facts.ts';
import { priorityFacts } from '../rules/priority-facts.ts';
import { DecisionRecord } from '../store/decision.entity.ts';
import type { OrderRecord } from '../store/order.entity.ts';

/** Facts a decision point would see for an order now, or why they cannot be known. */
export type OrderFacts = { facts: Record<string, unknown> } | { unknown: string };

// These decision points judge the order as it stands; the others judge an event (a return, a delivery,
// a release cycle, a candidate resource) whose facts only the decision taken then recorded.
const FROM_THE_ORDER: Partial<Record<DecisionPointId, (order: OrderRecord, now: Date) => Record<string, unknown>>> = {
  intake: intakeFacts,
  priority: priorityFacts,
  escalation: (order, now) => escalationFacts(order, order.state, now),
};

/** Per order, the facts `decisionPoint` would see: computed now, or those of the order's latest decision there. */
export async function factsOfOrders(em: EntityManager, decisionPoint: DecisionPointId, orders: readonly OrderRecord[], now: Date): Promise<Map<string, OrderFacts>> {
  const compute = FROM_THE_ORDER[decisionPoint];
  if (compute) return new Map(orders.map((order) => [order.id, { facts: compute(order, now) }]));
  const decisions = await em.find(DecisionRecord, { decisionPoint, orderId: { $in: orders.map((o) => o.id) } }, { orderBy: { decidedAt: 'asc' }, fields: ['orderId', 'facts'] });
  const latest = new Map(decisions.map((d) => [d.orderId, d.facts]));
  return new Map(
    orders.map((order): [string, OrderFacts] => {
      const facts = latest.get(order.id);
      return [order.id, facts ? { facts } : { unknown: `Order ${order.id} has not reached the ${decisionPoint} decision yet, so its ${decisionPoint} facts are not known; give them as a facts document.` }];
    }),
  );
}
