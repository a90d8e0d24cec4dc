import type { EntityManager } from '@mikro-orm/sql';
import { remitFacts } from '../rules/return-remit-facts.ts';
import { readDriverRemitHistory, recordRemitVariance } from '../store/driver-remit-history.ts';
import type { ActivityDeps } from './activity-deps.ts';
import { decideByRules } from './decide-by-rules.ts';
import { chosenOutcome, stringParam } from './decide-outcome.ts';

export interface RemitDecision {
  outcome: 'clear' | 'require_remit' | 'finance_review';
  reason?: string;
}

/** Asks the remit ruleset whether finance must confirm money before a finished order closes; in `em`'s transaction when given. */
export function decideRemitActivity(deps: ActivityDeps) {
  const decide = decideByRules(deps);
  return async function decideRemit({ orderId, amountCollected, decisionKey }: { orderId: string; amountCollected: number | null; decisionKey: string }, em?: EntityManager): Promise<RemitDecision> {
    const chosen = chosenOutcome(
      'remit',
      await decide(
        {
          decisionPoint: 'remit',
          orderId,
          decisionKey,
          facts: async (order, now, reader) => remitFacts(order, amountCollected, await readDriverRemitHistory(reader, orderId, now), now),
          alsoInTransaction: (tx, _outcome, { facts, at }) => recordRemitVariance(tx, orderId, typeof facts.variance === 'number' ? facts.variance : null, at),
        },
        em,
      ),
    );
    const reason = stringParam(chosen, 'reason');
    return { outcome: chosen.type as RemitDecision['outcome'], ...(reason ? { reason } : {}) };
  };
}
