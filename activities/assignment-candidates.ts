import type { EntityManager } from '@mikro-orm/sql';
import type { Evaluation } from '../rules/explain-evaluation.ts';
import { IN_PROCESS_STATES } from '../domain/lifecycle.ts';
import type { Role } from '../domain/roles.ts';
import { assignmentFacts } from '../rules/assignment-facts.ts';
import { OrderRecord } from '../store/order.entity.ts';
import type { ResourceRecord } from '../store/resource.entity.ts';
import { chosenOutcome } from './decide-outcome.ts';

/** Per resource: the orders it has in hand, and the cash remittances it still owes — one read for all candidates. */
async function loadsOf(em: EntityManager, resourceIds: string[]) {
  const held = await em.find(OrderRecord, { assignee: { $in: resourceIds }, state: { $in: [...IN_PROCESS_STATES, 'awaiting_remit'] } }, { fields: ['assignee', 'state'] });
  const count = (id: string, inHand: boolean) => held.filter((o) => o.assignee === id && (o.state === 'awaiting_remit') !== inHand).length;
  return (id: string) => ({ inHand: count(id, true), openRemits: count(id, false) });
}

/** What the assignment rules say about one resource for one order. */
export type Verdict =
  | { resource: ResourceRecord; type: 'assign'; preference: number; inHand: number; facts: Record<string, unknown>; evaluation: Evaluation | null }
  | { resource: ResourceRecord; type: 'skip'; reason: string }
  | { resource: ResourceRecord; type: 'escalate'; reason: string; role: Role };

/**
 * The assignment rules' verdict on each resource for the order, with the facts they saw: its load (orders in
 * hand, a released order already reserved for it included), zone, skills, carrier type and whether it owes a
 * remittance. An unavailable resource is skipped without asking the rules.
 */
export async function judgeCandidates(
  em: EntityManager,
  order: OrderRecord,
  resources: readonly ResourceRecord[],
  evaluate: ((facts: Record<string, unknown>) => Evaluation) | null,
  now: Date,
): Promise<Verdict[]> {
  const loadOf = await loadsOf(em, resources.filter((r) => r.available).map((r) => r.id));
  return resources.map((resource): Verdict => {
    if (!resource.available) return { resource, type: 'skip', reason: 'not available' };
    const load = loadOf(resource.id);
    const facts = assignmentFacts(order, resource, load, now);
    const evaluation = evaluate ? evaluate(facts) : null;
    const chosen = chosenOutcome('assignment', evaluation?.outcome ?? null);
    if (chosen.type === 'escalate') return { resource, type: 'escalate', reason: String(chosen.params.reason), role: chosen.params.role as Role };
    if (chosen.type === 'skip') return { resource, type: 'skip', reason: String(chosen.params.reason) };
    return { resource, type: 'assign', preference: Number(chosen.params.preference ?? 0), inHand: load.inHand, facts, evaluation };
  });
}
