import { ApplicationFailure } from '@temporalio/activity';
import type { RulesetView } from '../domain/ruleset.ts';
import { compileRuleset, type CompiledRuleset } from '../rules/compile-ruleset.ts';
import { priorityFacts } from '../rules/priority-facts.ts';
import { appendAudit } from '../store/audit-log.ts';
import { DecisionRecord } from '../store/decision.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { findPublishedRuleset } from '../store/rulesets.ts';
import type { ActivityDeps } from './activity-deps.ts';

export interface PriorityDecisionRef {
  decisionId: string;
  score: number;
}

/**
 * Asks the published priority ruleset for the order's effective priority and stores the decision with
 * the ruleset version, the facts and every condition's result. `decisionKey` makes a retry return the
 * decision the first attempt stored instead of deciding again.
 */
export function decidePriorityActivity(deps: ActivityDeps) {
  // A published version never changes, so it is compiled once. The compiled evaluator gives the same
  // decisions and explanations as json-rules-engine (a differential test proves it), many times faster.
  const compiled = new Map<string, CompiledRuleset>();
  const compiledFor = (ruleset: RulesetView) => {
    const key = `${ruleset.id}@${ruleset.version}`;
    let found = compiled.get(key);
    if (!found) compiled.set(key, (found = compileRuleset(ruleset.definition)));
    return found;
  };

  return async function decidePriority({ orderId, decisionKey }: { orderId: string; decisionKey: string }): Promise<PriorityDecisionRef> {
    const em = deps.store.em.fork();
    const earlier = await em.findOne(DecisionRecord, { id: decisionKey });
    if (earlier) return { decisionId: earlier.id, score: earlier.outcome.score ?? 0 };

    const order = await em.findOne(OrderRecord, { id: orderId });
    if (!order) throw ApplicationFailure.nonRetryable(`order ${orderId} is not in the store`, 'OrderNotFound');
    const ruleset = await findPublishedRuleset(em, 'priority');
    if (!ruleset) throw ApplicationFailure.nonRetryable('no priority ruleset is published', 'NoPublishedRuleset');

    const now = deps.clock();
    const facts = priorityFacts(order, now);
    const { outcome, rules } = compiledFor(ruleset).evaluate(facts);
    const score = outcome.score ?? 0;
    // The score lands with its decision, so the read model never shows a decision without its result.
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(OrderRecord, { id: orderId }, { priorityScore: score });
      tx.create(DecisionRecord, {
        id: decisionKey,
        orderId,
        decisionPoint: 'priority',
        rulesetId: ruleset.id,
        rulesetName: ruleset.name,
        rulesetVersion: ruleset.version,
        facts,
        outcome,
        rules,
        decidedAt: now,
      });
      appendAudit(tx, {
        dedupeKey: `decision:${decisionKey}`,
        subjectType: 'decision',
        subjectId: orderId,
        action: 'priority_decided',
        actor: `ruleset:${ruleset.id}@${ruleset.version}`,
        data: { decisionId: decisionKey, score, fired: outcome.events.map((e) => e.rule) },
        at: now,
      });
    });
    return { decisionId: decisionKey, score };
  };
}
