import type { EntityManager } from '@mikro-orm/sql';
import { remitFacts } from '../rules/return-remit-facts.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { readDriverRemitHistory, recordRemitVariance } from '../store/driver-remit-history.ts';
import type { ActivityDeps } from './activity-deps.ts';
import { decideByRules } from './decide-by-rules.ts';
import { chosenOutcome, stringParam } from './decide-outcome.ts';

export interface RemitDecision {
  outcome: 'clear' | 'require_remit' | 'finance_review';
  reason?: string;
}

/**
 * Finance confirming the cash of an order awaiting it: then the rules judge the amount, not the driver.
 * The driver's history decides whether cash still in a driver's hands needs finance; once finance holds
 * it, the same history would send every confirmation of a busy driver back to the review it came from.
 */
async function confirmingRemit(em: EntityManager, orderId: string): Promise<boolean> {
  return (await em.findOne(OrderRecord, { id: orderId }, { fields: ['state'] }))?.state === 'awaiting_remit';
}

/** Asks the remit ruleset whether finance must confirm money before a finished order closes. */
export function decideRemitActivity(deps: ActivityDeps) {
  const decide = decideByRules(deps);
  return async function decideRemit({ orderId, amountCollected, decisionKey }: { orderId: string; amountCollected: number | null; decisionKey: string }): Promise<RemitDecision> {
    const chosen = chosenOutcome(
      'remit',
      await decide({
        decisionPoint: 'remit',
        orderId,
        decisionKey,
        facts: async (order, now, em) => remitFacts(order, amountCollected, (await confirmingRemit(em, orderId)) ? null : await readDriverRemitHistory(em, orderId, now), now),
        alsoInTransaction: (tx, _outcome, { facts, at }) => recordRemitVariance(tx, orderId, typeof facts.variance === 'number' ? facts.variance : null, at),
      }),
    );
    const reason = stringParam(chosen, 'reason');
    return { outcome: chosen.type as RemitDecision['outcome'], ...(reason ? { reason } : {}) };
  };
}
