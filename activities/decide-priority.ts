import { ApplicationFailure } from '@temporalio/activity';
import { priorityFacts } from '../rules/priority-facts.ts';
import { DecisionRecord } from '../store/decision.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { findPublishedRuleset } from '../store/rulesets.ts';
import type { ActivityDeps } from './activity-deps.ts';
import { compiledRulesets } from './compiled-rulesets.ts';
import { storeDecision } from './store-decision.ts';

export interface PriorityDecisionRef {
  decisionId: string;
  score: number;
}

/**
 * Asks the priority ruleset in force for the order's effective priority and stores the decision with
 * the ruleset version, the facts and every condition's result. `decisionKey` makes a retry return the
 * decision the first attempt stored instead of deciding again.
 */
export function decidePriorityActivity(deps: ActivityDeps) {
  const compiledFor = compiledRulesets();
  return async function decidePriority({ orderId, decisionKey }: { orderId: string; decisionKey: string }): Promise<PriorityDecisionRef> {
    const em = deps.store.em.fork();
    const earlier = await em.findOne(DecisionRecord, { id: decisionKey });
    if (earlier) return { decisionId: earlier.id, score: earlier.outcome.score ?? 0 };

    const order = await em.findOne(OrderRecord, { id: orderId });
    if (!order) throw ApplicationFailure.nonRetryable(`order ${orderId} is not in the store`, 'OrderNotFound');
    const ruleset = await findPublishedRuleset(em, 'priority');
    if (!ruleset) throw ApplicationFailure.nonRetryable('no priority ruleset is in force', 'NoPublishedRuleset');

    const now = deps.clock();
    const facts = priorityFacts(order, now);
    const evaluation = compiledFor(ruleset).evaluate(facts);
    const score = evaluation.outcome.score ?? 0;
    // The score lands with its decision, so the read model never shows a decision without its result.
    await storeDecision(em, { id: decisionKey, orderId, ruleset, facts, evaluation, at: now }, (tx) => tx.nativeUpdate(OrderRecord, { id: orderId }, { priorityScore: score }));
    return { decisionId: decisionKey, score };
  };
}
