import type { EntityManager } from '@mikro-orm/sql';
import { z } from 'zod';
import type { DecisionPointId } from '../domain/decision-points.ts';
import { factsDocument } from '../domain/ruleset-testing.ts';
import { ID_MAX, oneLine } from '../domain/text.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { UserError } from './errors.ts';
import { factsOfOrders } from './order-facts.ts';

export const testRunRequest = z
  .strictObject({
    /** A definition to try (e.g. unsaved edits); otherwise `version`, or the version in force. */
    definition: z.unknown().optional(),
    version: z.union([z.literal('draft'), z.number().int().positive().max(1_000_000)]).optional(),
    facts: z.array(factsDocument).max(500).optional(),
    orderIds: z.array(oneLine(ID_MAX)).max(500).optional(),
  })
  .refine((r) => (r.facts?.length ?? 0) + (r.orderIds?.length ?? 0) > 0, 'give facts, orderIds, or both');
export type TestRunRequest = z.infer<typeof testRunRequest>;

/** The facts to run: as given, and for real orders as their decision point would see them now. */
export async function factsForTest(em: EntityManager, decisionPoint: DecisionPointId, request: TestRunRequest) {
  const cases: { orderId: string | null; facts: Record<string, unknown> }[] = (request.facts ?? []).map((facts) => ({ orderId: null, facts }));
  if (request.orderIds?.length) {
    const orders = await em.find(OrderRecord, { id: { $in: request.orderIds } });
    const missing = request.orderIds.filter((id) => !orders.some((o) => o.id === id));
    if (missing.length > 0) throw new UserError(404, 'not_found', `No such order: ${missing.join(', ')}.`);
    const known = await factsOfOrders(em, decisionPoint, orders, new Date());
    for (const order of orders) {
      const found = known.get(order.id)!;
      if ('unknown' in found) throw new UserError(400, 'facts_unknown', found.unknown);
      for (const facts of found.facts) cases.push({ orderId: order.id, facts });
    }
  }
  return cases;
}
