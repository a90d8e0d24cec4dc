import type { DecisionOutcome } from '../domain/decision.ts';
import { show } from './condition-sentence.ts';

/**
 * A decision's result in a few words, equal for equal outcomes: "score 42", "wait (reason "shift ends")".
 * Parameters go by name: PostgreSQL's jsonb keeps keys in an order of its own, so a stored outcome and the
 * same outcome from a request may list them differently.
 */
export function summarizeOutcome(outcome: DecisionOutcome | null): string {
  if (!outcome) return 'no rules in force';
  if (outcome.score !== null) return `score ${outcome.score}`;
  if (!outcome.chosen) return 'no outcome';
  const params = Object.entries(outcome.chosen.params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return params.length === 0 ? outcome.chosen.type : `${outcome.chosen.type} (${params.map(([k, v]) => `${k} ${show(v)}`).join(', ')})`;
}
