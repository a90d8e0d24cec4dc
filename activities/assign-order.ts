import type { EntityManager } from '@mikro-orm/sql';
import { ApplicationFailure } from '@temporalio/activity';
import type { Role } from '../domain/roles.ts';
import { findStoredDecision, storeDecision } from '../store/decisions.ts';
import { inTransaction } from '../store/in-transaction.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { ResourceRecord } from '../store/resource.entity.ts';
import { publishedRulesets } from '../store/rulesets.ts';
import type { ActivityDeps } from './activity-deps.ts';
import { judgeCandidates } from './assignment-candidates.ts';
import { compiledRulesets } from './compiled-rulesets.ts';

export type Assignment = { resource: string } | { escalate: { reason: string; role: Role } };

/** Another assignment took a slot of the chosen resource after this one read its load. */
class ResourceTaken extends Error {}
const ATTEMPTS = 20;

/**
 * Who executes a released order: the assignment rules judge every available resource of the area; the
 * highest preference wins, ties to the least loaded. The winner's decision is stored with its facts and
 * explanation. Nobody eligible: the order escalates to a dispatcher with every candidate's reason. An area
 * with no resources on record hands the order to its team as a whole.
 *
 * Two orders assigned at once must not both take a resource's last slot: the order is reserved for the
 * winner (its assignee, counted in the winner's load from then on) in the transaction that read the loads,
 * and only if the winner's `loadVersion` is still the one read with them; otherwise it is judged again.
 */
export function assignOrderActivity(deps: ActivityDeps) {
  const assignIn = orderAssigner(deps);
  return async function assignOrder(request: AssignmentRequest): Promise<Assignment> {
    return retryingTakenResources(() => inTransaction(deps.store.em, (tx) => assignIn(tx, request)));
  };
}

export interface AssignmentRequest {
  orderId: string;
  workAreaId: string;
  decisionKey: string;
}

/** Runs `work`, a transaction that assigns, again while another assignment takes the chosen resource's last slot first. */
export async function retryingTakenResources<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof ResourceTaken)) throw err;
      if (attempt === ATTEMPTS) throw ApplicationFailure.retryable(err.message, 'ResourceTaken');
    }
  }
}

/** One assignment in `em`'s transaction; throws ResourceTaken for `retryingTakenResources` when it lost the race for a slot. */
export function orderAssigner(deps: ActivityDeps) {
  const compiledFor = compiledRulesets();
  const inForce = publishedRulesets();
  return async function assignOnce(em: EntityManager, { orderId, workAreaId, decisionKey }: AssignmentRequest): Promise<Assignment> {
    const earlier = await findStoredDecision(em, decisionKey);
    if (earlier) return { resource: earlier.facts.resourceId as string };
    const order = await em.findOneOrFail(OrderRecord, { id: orderId });
    // An earlier attempt reserved a resource and failed before answering: the reservation stands.
    if (order.state === 'released' && order.assignee) return { resource: order.assignee };

    const resources = await em.find(ResourceRecord, { workAreaId }, { orderBy: { id: 'asc' } });
    if (resources.length === 0) return { resource: `${workAreaId} team` };
    const ruleset = await inForce(em, 'assignment');
    const now = deps.clock();
    const verdicts = await judgeCandidates(em, order, resources, ruleset ? compiledFor(ruleset).evaluate : null, now);
    const escalated = verdicts.find((v) => v.type === 'escalate');
    if (escalated) return { escalate: { reason: escalated.reason, role: escalated.role } };
    const eligible = verdicts.flatMap((v) => (v.type === 'assign' ? [v] : []));
    const best = eligible.sort((a, b) => b.preference - a.preference || a.inHand - b.inHand || a.resource.id.localeCompare(b.resource.id))[0];
    if (!best) {
      const refusals = verdicts.flatMap((v) => (v.type === 'skip' ? [`${v.resource.name}: ${v.reason}`] : []));
      return { escalate: { reason: `Nobody can take the order. ${refusals.join('; ')}.`, role: 'dispatcher' } };
    }
    const { id, loadVersion } = best.resource;
    if ((await em.nativeUpdate(ResourceRecord, { id, loadVersion }, { loadVersion: loadVersion + 1 })) !== 1) throw new ResourceTaken(`${id} was given another order first.`);
    await em.nativeUpdate(OrderRecord, { id: orderId }, { assignee: id });
    if (ruleset && best.evaluation) await storeDecision(em, { id: decisionKey, orderId, ruleset, facts: best.facts, evaluation: best.evaluation, at: now });
    return { resource: id };
  };
}
