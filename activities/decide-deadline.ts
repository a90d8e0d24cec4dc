import type { EntityManager } from '@mikro-orm/sql';
import type { Role } from '../domain/roles.ts';
import { escalationFacts } from '../rules/escalation-facts.ts';
import type { ActivityDeps } from './activity-deps.ts';
import { decideByRules } from './decide-by-rules.ts';

export interface Deadline {
  minutes: number;
  role: Role;
}

export interface DeadlineRequest {
  orderId: string;
  state: string;
  decisionKey: string;
}

/**
 * Asks the escalation ruleset how long the order may stay in the state it entered, and who takes it
 * over after that. Null: no deadline in this state (or no escalation rules in force). Decided in `em`
 * when given: the record of the transition into the state decides it in its own transaction.
 */
export function deadlineDecider(deps: ActivityDeps) {
  const decide = decideByRules(deps);
  return async ({ orderId, state, decisionKey }: DeadlineRequest, em?: EntityManager): Promise<Deadline | null> => {
    const outcome = await decide({ decisionPoint: 'escalation', orderId, decisionKey, facts: (order, now) => escalationFacts(order, state, now) }, em);
    const chosen = outcome?.chosen;
    return chosen?.type === 'deadline' ? { minutes: chosen.params.minutes as number, role: chosen.params.role as Role } : null;
  };
}

/** The deadline decision on its own, as orders before revision 4 ask for it. */
export function decideDeadlineActivity(deps: ActivityDeps) {
  const decide = deadlineDecider(deps);
  return async function decideDeadline(request: DeadlineRequest): Promise<Deadline | null> {
    return decide(request);
  };
}
