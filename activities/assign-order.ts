import type { EntityManager } from '@mikro-orm/sql';
import { IN_PROCESS_STATES } from '../domain/lifecycle.ts';
import type { Role } from '../domain/roles.ts';
import { priorityFacts } from '../rules/priority-facts.ts';
import { findStoredDecision, storeDecision } from '../store/decisions.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { ResourceRecord } from '../store/resource.entity.ts';
import { publishedRulesets } from '../store/rulesets.ts';
import type { ActivityDeps } from './activity-deps.ts';
import { compiledRulesets } from './compiled-rulesets.ts';
import { chosenOutcome } from './decide-outcome.ts';

export type Assignment = { resource: string } | { escalate: { reason: string; role: Role } };

/** Per resource: the orders it has in hand, and the cash remittances it still owes — one read for all candidates. */
async function loadsOf(em: EntityManager, resourceIds: string[]) {
  const held = await em.find(OrderRecord, { assignee: { $in: resourceIds }, state: { $in: [...IN_PROCESS_STATES, 'awaiting_remit'] } }, { fields: ['assignee', 'state'] });
  const count = (id: string, inHand: boolean) => held.filter((o) => o.assignee === id && (o.state === 'awaiting_remit') !== inHand).length;
  return (id: string) => ({ inHand: count(id, true), openRemits: count(id, false) });
}

/**
 * Who executes a released order: the assignment rules judge every available resource of the area; the
 * highest preference wins, ties to the least loaded. The winner's decision is stored with its facts and
 * explanation. Nobody eligible: the order escalates to a dispatcher with every candidate's reason. An area
 * with no resources on record hands the order to its team as a whole.
 */
export function assignOrderActivity(deps: ActivityDeps) {
  const compiledFor = compiledRulesets();
  const inForce = publishedRulesets();
  return async function assignOrder({ orderId, workAreaId, decisionKey }: { orderId: string; workAreaId: string; decisionKey: string }): Promise<Assignment> {
    const em = deps.store.em.fork();
    const earlier = await findStoredDecision(em, decisionKey);
    if (earlier) return { resource: earlier.facts.resourceId as string };

    const resources = await em.find(ResourceRecord, { workAreaId }, { orderBy: { id: 'asc' } });
    if (resources.length === 0) return { resource: `${workAreaId} team` };
    const order = await em.findOneOrFail(OrderRecord, { id: orderId });
    const ruleset = await inForce(em, 'assignment');
    const now = deps.clock();
    const loadOf = await loadsOf(em, resources.filter((r) => r.available).map((r) => r.id));
    const { orderValue } = priorityFacts(order, now);
    const requiredSkills = order.requiredSkills ?? [];

    const judged = [];
    const refusals: string[] = [];
    for (const r of resources) {
      if (!r.available) {
        refusals.push(`${r.name}: not available`);
        continue;
      }
      const { inHand, openRemits } = loadOf(r.id);
      const missingSkills = requiredSkills.filter((skill) => !r.skills.includes(skill));
      const facts = {
        resourceId: r.id,
        kind: order.kind,
        paymentMode: order.paymentMode,
        orderValue,
        requiredSkills,
        missingSkills,
        hasRequiredSkills: missingSkills.length === 0,
        ...(order.zone ? { zone: order.zone } : {}),
        ...(r.zone ? { resourceZone: r.zone } : {}),
        resourceLoad: inHand,
        resourceCapacity: r.capacity,
        resourceSkills: r.skills,
        carrierType: r.carrierType,
        resourceHasOpenRemit: openRemits > 0,
      };
      const evaluation = ruleset ? compiledFor(ruleset).evaluate(facts) : null;
      const chosen = chosenOutcome('assignment', evaluation?.outcome ?? null);
      if (chosen.type === 'escalate') return { escalate: { reason: String(chosen.params.reason), role: chosen.params.role as Role } };
      if (chosen.type === 'skip') refusals.push(`${r.name}: ${String(chosen.params.reason)}`);
      else judged.push({ r, facts, evaluation, preference: Number(chosen.params.preference ?? 0), inHand });
    }
    const best = judged.sort((a, b) => b.preference - a.preference || a.inHand - b.inHand || a.r.id.localeCompare(b.r.id))[0];
    if (!best) return { escalate: { reason: `Nobody can take the order. ${refusals.join('; ')}.`, role: 'dispatcher' } };
    if (ruleset && best.evaluation) await storeDecision(em, { id: decisionKey, orderId, ruleset, facts: best.facts, evaluation: best.evaluation, at: now });
    return { resource: best.r.id };
  };
}
