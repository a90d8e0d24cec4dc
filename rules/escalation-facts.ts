import type { PriorityFactsInput } from './priority-facts.ts';
import { priorityFacts } from './priority-facts.ts';

/** The facts the escalation decision point offers when an order enters a state. */
export function escalationFacts(order: PriorityFactsInput, state: string, now: Date): Record<string, unknown> {
  const { kind, slackHours, dueAt, ageMinutes, accountTier } = priorityFacts(order, now);
  return { state, kind, slackHours, dueAt, ageMinutes, ...(accountTier ? { accountTier } : {}) };
}
