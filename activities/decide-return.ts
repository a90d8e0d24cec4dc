import type { EntityManager } from '@mikro-orm/sql';
import type { ReturnReason } from '../domain/lifecycle.ts';
import type { Role } from '../domain/roles.ts';
import { returnFacts } from '../rules/return-remit-facts.ts';
import type { ActivityDeps } from './activity-deps.ts';
import { decideByRules } from './decide-by-rules.ts';
import { chosenOutcome, stringParam } from './decide-outcome.ts';

export interface ReturnDecision {
  outcome: 'requeue' | 'close' | 'escalate';
  reason?: string;
  role?: Role;
}

/** Asks the return ruleset what happens to a returned order: back to the pool, closed, or to a person; in `em`'s transaction when given. */
export function decideReturnActivity(deps: ActivityDeps) {
  const decide = decideByRules(deps);
  return async function decideReturn(request: { orderId: string; returnReason: ReturnReason; attempts: number; decisionKey: string }, em?: EntityManager): Promise<ReturnDecision> {
    const { orderId, decisionKey } = request;
    const chosen = chosenOutcome('return', await decide({ decisionPoint: 'return', orderId, decisionKey, facts: (order, now) => returnFacts(order, request, now) }, em));
    const reason = stringParam(chosen, 'reason');
    const role = stringParam(chosen, 'role') as Role | undefined;
    return { outcome: chosen.type as ReturnDecision['outcome'], ...(reason ? { reason } : {}), ...(role ? { role } : {}) };
  };
}
