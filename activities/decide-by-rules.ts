import { ApplicationFailure } from '@temporalio/activity';
import type { EntityManager } from '@mikro-orm/sql';
import type { DecisionPointId } from '../domain/decision-points.ts';
import type { DecisionOutcome } from '../domain/decision.ts';
import type { IntakeFactsInput } from '../rules/intake-facts.ts';
import { findStoredDecision, storeDecision } from '../store/decisions.ts';
import { readDecisionInput } from '../store/order-facts-input.ts';
import { publishedRulesets, rulesetIdOf } from '../store/rulesets.ts';
import type { ActivityDeps } from './activity-deps.ts';
import { compiledRulesets } from './compiled-rulesets.ts';

export interface RulesDecisionRequest {
  decisionPoint: DecisionPointId;
  orderId: string;
  /** Also the decision's id: a retry finds the decision its first attempt stored instead of deciding again. */
  decisionKey: string;
  /** The facts; `em` reads what the order's row does not hold (e.g. its driver's history). */
  facts: (order: IntakeFactsInput, now: Date, em: EntityManager) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Writes that must land with the decision, in its transaction. */
  alsoInTransaction?: (tx: EntityManager, outcome: DecisionOutcome, decided: { facts: Record<string, unknown>; at: Date }) => Promise<unknown>;
}

/**
 * One decision by the ruleset in force for a decision point, stored with the ruleset version, the facts
 * and every condition's result. Null when no ruleset of that decision point is in force.
 */
export function decideByRules(deps: ActivityDeps) {
  const compiledFor = compiledRulesets();
  const inForce = publishedRulesets();
  // `em` may be the caller's transaction: the decision then lands with the caller's writes, or not at all.
  return async function decide(request: RulesDecisionRequest, em: EntityManager = deps.store.em.fork()): Promise<DecisionOutcome | null> {
    const earlier = await findStoredDecision(em, request.decisionKey);
    if (earlier) return earlier.outcome;

    const input = await readDecisionInput(em, request.orderId, rulesetIdOf(request.decisionPoint));
    if (!input) throw ApplicationFailure.nonRetryable(`order ${request.orderId} is not in the store`, 'OrderNotFound');
    const ruleset = await inForce(em, request.decisionPoint, undefined, input.published);
    if (!ruleset) return null;

    const { order } = input;
    const now = deps.clock();
    const facts = await request.facts(order, now, em);
    const evaluation = compiledFor(ruleset).evaluate(facts);
    const also = request.alsoInTransaction;
    await storeDecision(em, { id: request.decisionKey, orderId: request.orderId, ruleset, facts, evaluation, at: now }, also && ((tx) => also(tx, evaluation.outcome, { facts, at: now })));
    return evaluation.outcome;
  };
}
