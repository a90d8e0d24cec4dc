import type { EntityManager } from '@mikro-orm/sql';
import type { RmaApprover } from '../domain/returns/rma.ts';
import { rmaFacts, type ReturnedGoods } from '../rules/rma-facts.ts';
import type { ActivityDeps } from './activity-deps.ts';
import { decideByRules } from './decide-by-rules.ts';
import { chosenOutcome, stringParam } from './decide-outcome.ts';

/** Who approves, or why the rules refuse; `decisionId` is null when no rma ruleset was in force (the fallback decided). */
export type RmaDecision = ({ approver: RmaApprover; reason: string | null } | { rejected: string }) & { decisionId: string | null };

export const rmaDecisionKey = (rmaId: string): string => `rma:${rmaId}`;

/**
 * Asks the rma ruleset who approves a customer return (or whether it is refused), stored as a decision of
 * the return's order; in `em`'s transaction when given, so the decision lands with the RMA or not at all.
 */
export function decideRmaActivity(deps: ActivityDeps) {
  const decide = decideByRules(deps);
  return async function decideRma({ orderId, rmaId, returned }: { orderId: string; rmaId: string; returned: ReturnedGoods }, em?: EntityManager): Promise<RmaDecision> {
    const decisionKey = rmaDecisionKey(rmaId);
    const outcome = await decide({ decisionPoint: 'rma', orderId, decisionKey, facts: (order, now) => rmaFacts(order, returned, now) }, em);
    const chosen = chosenOutcome('rma', outcome);
    const reason = stringParam(chosen, 'reason') ?? null;
    const decisionId = outcome ? decisionKey : null;
    if (chosen.type === 'reject') return { rejected: reason ?? 'The return rules refuse this return.', decisionId };
    return { approver: chosen.type === 'finance_approval' ? 'finance' : 'order_processor', reason, decisionId };
  };
}
