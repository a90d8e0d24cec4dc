import type { EntityManager } from '@mikro-orm/sql';
import type { HoldType } from '../domain/lifecycle.ts';
import { intakeFacts, type IntakeFactsInput } from '../rules/intake-facts.ts';
import { readOpenOrders } from '../store/accounts/account-exposure.ts';
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

/** Asks the intake ruleset whether to accept, hold, send to a specialist or reject a captured order; in `em`'s transaction when given. */
export function decideIntakeActivity(deps: ActivityDeps) {
  const decide = decideByRules(deps);
  return async function decideIntake({ orderId, decisionKey }: { orderId: string; decisionKey: string }, em?: EntityManager): Promise<IntakeDecision> {
    const chosen = chosenOutcome('intake', await decide({ decisionPoint: 'intake', orderId, decisionKey, facts: async (order, now, facts) => intakeFacts(await withExposure(order, facts), now) }, em));
    const reason = stringParam(chosen, 'reason');
    const holdType = stringParam(chosen, 'holdType') as HoldType | undefined;
    return { outcome: chosen.type as IntakeDecision['outcome'], ...(holdType ? { holdType } : {}), ...(reason ? { reason } : {}) };
  };
}
