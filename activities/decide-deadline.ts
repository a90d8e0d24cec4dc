import { ApplicationFailure } from '@temporalio/activity';
import type { Role } from '../domain/roles.ts';
import { escalationFacts } from '../rules/escalation-facts.ts';
import { DecisionRecord } from '../store/decision.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { findPublishedRuleset } from '../store/rulesets.ts';
import type { ActivityDeps } from './activity-deps.ts';
import { compiledRulesets } from './compiled-rulesets.ts';
import { storeDecision } from './store-decision.ts';

export interface Deadline {
  minutes: number;
  role: Role;
}

const deadlineOf = (chosen: { type: string; params: Record<string, unknown> } | null): Deadline | null =>
  chosen?.type === 'deadline' ? { minutes: chosen.params.minutes as number, role: chosen.params.role as Role } : null;

/**
 * Asks the escalation ruleset how long the order may stay in the state it entered, and who takes it
 * over after that; stores the decision. Null: no deadline in this state.
 */
export function decideDeadlineActivity(deps: ActivityDeps) {
  const compiledFor = compiledRulesets();
  return async function decideDeadline({ orderId, state, decisionKey }: { orderId: string; state: string; decisionKey: string }): Promise<Deadline | null> {
    const em = deps.store.em.fork();
    const earlier = await em.findOne(DecisionRecord, { id: decisionKey });
    if (earlier) return deadlineOf(earlier.outcome.chosen);

    const order = await em.findOne(OrderRecord, { id: orderId });
    if (!order) throw ApplicationFailure.nonRetryable(`order ${orderId} is not in the store`, 'OrderNotFound');
    const ruleset = await findPublishedRuleset(em, 'escalation');
    // Without escalation rules in force, no state has a deadline.
    if (!ruleset) return null;

    const now = deps.clock();
    const facts = escalationFacts(order, state, now);
    const evaluation = compiledFor(ruleset).evaluate(facts);
    await storeDecision(em, { id: decisionKey, orderId, ruleset, facts, evaluation, at: now });
    return deadlineOf(evaluation.outcome.chosen);
  };
}
