import type { EntityManager } from '@mikro-orm/sql';
import type { RmaApprover } from '../domain/returns/rma.ts';
import { rmaFacts, type ReturnedGoods } from '../rules/rma-facts.ts';
import type { ActivityDeps } from './activity-deps.ts';
import { decideByRules } from './decide-by-rules.ts';
import { chosenOutcome, stringParam } from './decide-outcome.ts';

export type RmaDecision = { approver: RmaApprover; reason: string | null } | { rejected: string };

export const rmaDecisionKey = (rmaId: string): string => `rma:${rmaId}`;

/**
 * Asks the rma ruleset who approves a customer return (or whether it is refused), stored as a decision of
 * the return's order; in `em`'s transaction when given, so the decision lands with the RMA or not at all.
 */
export function decideRmaActivity(deps: ActivityDeps) {
  const decide = decideByRules(deps);
  return async function decideRma({ orderId, rmaId, returned }: { orderId: string; rmaId: string; returned: ReturnedGoods }, em?: EntityManager): Promise<RmaDecision> {
    const chosen = chosenOutcome(
      'rma',
      await decide({ decisionPoint: 'rma', orderId, decisionKey: rmaDecisionKey(rmaId), facts: (order, now) => rmaFacts(order, returned, now) }, em),
    );
    const reason = stringParam(chosen, 'reason') ?? null;
    if (chosen.type === 'reject') return { rejected: reason ?? 'The return rules refuse this return.' };
    return { approver: chosen.type === 'finance_approval' ? 'finance' : 'order_processor', reason };
  };
}
