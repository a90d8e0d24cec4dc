import { z } from 'zod';
import type { DecisionOutcome } from '../../domain/decision.ts';

/**
 * A stored test case for a ruleset: the facts a decision sees and what it must decide. First-match
 * rulesets expect the chosen outcome (the fallback when no rule holds); additive ones the total score.
 */
export const rulesetCase = z.strictObject({
  name: z.string().trim().min(1),
  facts: z.record(z.string(), z.unknown()),
  expect: z.union([z.strictObject({ type: z.string().min(1), params: z.record(z.string(), z.unknown()) }), z.strictObject({ score: z.number() })]),
});
export type RulesetCase = z.infer<typeof rulesetCase>;

export const rulesetCases = z.array(rulesetCase).min(1);

/** A case's expectation as the outcome a decision would carry; which rule produced it is not part of it. */
export function expectedOutcome(expect: RulesetCase['expect']): DecisionOutcome {
  return 'score' in expect ? { events: [], score: expect.score, chosen: null } : { events: [], score: null, chosen: { rule: null, ...expect } };
}
