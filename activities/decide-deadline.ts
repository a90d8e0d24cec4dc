import type { Role } from '../domain/roles.ts';
import { escalationFacts } from '../rules/escalation-facts.ts';
import type { ActivityDeps } from './activity-deps.ts';
import { decideByRules } from './decide-by-rules.ts';

export interface Deadline {
  minutes: number;
  role: Role;
}

/**
 * Asks the escalation ruleset how long the order may stay in the state it entered, and who takes it
 * over after that. Null: no deadline in this state (or no escalation rules in force).
 */
export function decideDeadlineActivity(deps: ActivityDeps) {
  const decide = decideByRules(deps);
  return async function decideDeadline({ orderId, state, decisionKey }: { orderId: string; state: string; decisionKey: string }): Promise<Deadline | null> {
    const outcome = await decide({ decisionPoint: 'escalation', orderId, decisionKey, facts: (order, now) => escalationFacts(order, state, now) });
    const chosen = outcome?.chosen;
    return chosen?.type === 'deadline' ? { minutes: chosen.params.minutes as number, role: chosen.params.role as Role } : null;
  };
}
