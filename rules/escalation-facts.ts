import type { AccountOnFile } from './account-facts.ts';
import type { PriorityFactsInput } from './priority-facts.ts';
import { priorityFacts } from './priority-facts.ts';

/** The facts the escalation decision point offers when an order enters a state; majorAccount only for an account on file. */
export function escalationFacts(order: PriorityFactsInput & { accountOnFile?: AccountOnFile | null }, state: string, now: Date): Record<string, unknown> {
  const { kind, slackHours, dueAt, ageMinutes, accountTier } = priorityFacts(order, now);
  return { state, kind, slackHours, dueAt, ageMinutes, ...(accountTier ? { accountTier } : {}), ...(order.accountOnFile ? { majorAccount: order.accountOnFile.majorAccount } : {}) };
}
