import type { EntityManager } from '@mikro-orm/sql';
import type { HoldType } from '../domain/lifecycle.ts';
import { intakeFacts, type IntakeFactsInput } from '../rules/intake-facts.ts';
import { readOpenOrders } from '../store/accounts/account-exposure.ts';
import { orderInventoryFacts } from '../store/inventory/order-inventory-facts.ts';
import { endReservations } from '../store/inventory/order-stock.ts';
import type { ActivityDeps } from './activity-deps.ts';
import { decideByRules } from './decide-by-rules.ts';
import { chosenOutcome, stringParam } from './decide-outcome.ts';

export interface IntakeDecision {
  outcome: 'accept' | 'hold' | 'specialist_review' | 'reject';
  holdType?: HoldType;
  reason?: string;
}

/** The order with its account's open orders, this one among them: what its credit is judged by. */
async function withExposure(order: IntakeFactsInput, em: EntityManager): Promise<IntakeFactsInput> {
  if (!order.accountOnFile) return order;
  const open = await readOpenOrders(em, [order.accountOnFile.code]);
  return { ...order, accountOnFile: { ...order.accountOnFile, openOrderValue: open.get(order.accountOnFile.code)?.value ?? 0 } };
}

/** The outcomes that keep what the order reserved: it goes on to release, through a specialist or not. */
const KEEPS_RESERVATION = new Set(['accept', 'specialist_review']);

/**
 * Asks the intake ruleset whether to accept, hold, send to a specialist or reject a captured order; in `em`'s
 * transaction when given, else in one of its own. The order reserves its stock as its facts are computed, in
 * that transaction, and gives it back when the rules hold or refuse it.
 */
export function decideIntakeActivity(deps: ActivityDeps) {
  const decide = decideByRules(deps);
  return async function decideIntake({ orderId, decisionKey }: { orderId: string; decisionKey: string }, em?: EntityManager): Promise<IntakeDecision> {
    const decideIn = (tx: EntityManager) =>
      decide(
        {
          decisionPoint: 'intake',
          orderId,
          decisionKey,
          facts: async (order, now, factsEm) => ({ ...intakeFacts(await withExposure(order, factsEm), now), ...(await orderInventoryFacts(factsEm, orderId, now)) }),
          alsoInTransaction: async (inTx, outcome, { at }) => {
            if (!KEEPS_RESERVATION.has(chosenOutcome('intake', outcome).type)) await endReservations(inTx, orderId, 'released', at);
          },
        },
        tx,
      );
    const chosen = chosenOutcome('intake', await (em ? decideIn(em) : deps.store.em.fork().transactional(decideIn)));
    const reason = stringParam(chosen, 'reason');
    const holdType = stringParam(chosen, 'holdType') as HoldType | undefined;
    return { outcome: chosen.type as IntakeDecision['outcome'], ...(holdType ? { holdType } : {}), ...(reason ? { reason } : {}) };
  };
}
