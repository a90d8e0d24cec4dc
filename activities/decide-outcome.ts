import { DECISION_POINT_SPECS, type DecisionPointId } from '../domain/decision-points.ts';
import type { DecisionOutcome } from '../domain/decision.ts';

export interface ChosenOutcome {
  type: string;
  params: Record<string, unknown>;
}

/** The outcome a decision chose; with no ruleset in force, the decision point's documented fallback. */
export function chosenOutcome(decisionPoint: DecisionPointId, outcome: DecisionOutcome | null): ChosenOutcome {
  const chosen = outcome?.chosen ?? DECISION_POINT_SPECS[decisionPoint].fallback;
  if (!chosen) throw new Error(`decision point ${decisionPoint} has no outcome and no fallback`);
  return { type: chosen.type, params: chosen.params };
}

export const stringParam = (outcome: ChosenOutcome, name: string): string | undefined => {
  const value = outcome.params[name];
  return typeof value === 'string' ? value : undefined;
};
