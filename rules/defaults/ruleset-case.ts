import { z } from 'zod';

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
