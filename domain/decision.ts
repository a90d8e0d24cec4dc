import { z } from 'zod';

/** One leaf condition as it was evaluated: what the fact was, what the rule expected, and the result. */
export interface ConditionLeaf {
  kind: 'condition';
  fact: string;
  operator: string;
  expected: unknown;
  actual: unknown;
  /** The fact was absent: the condition counts as false. */
  missing: boolean;
  result: boolean;
}
export interface ConditionGroup {
  kind: 'all' | 'any' | 'not';
  result: boolean;
  children: ConditionNode[];
}
export type ConditionNode = ConditionLeaf | ConditionGroup;

export const conditionNode: z.ZodType<ConditionNode> = z.lazy(() =>
  z.union([
    z.object({
      kind: z.literal('condition'),
      fact: z.string(),
      operator: z.string(),
      expected: z.unknown(),
      actual: z.unknown(),
      missing: z.boolean(),
      result: z.boolean(),
    }),
    z.object({ kind: z.enum(['all', 'any', 'not']), result: z.boolean(), children: z.array(conditionNode) }),
  ]),
);

export const ruleExplanation = z.object({
  name: z.string(),
  description: z.string(),
  fired: z.boolean(),
  points: z.number(),
  /** One plain-language sentence: why the rule did or did not apply. */
  sentence: z.string(),
  conditions: conditionNode,
});
export type RuleExplanation = z.infer<typeof ruleExplanation>;

export const decision = z.object({
  id: z.string(),
  orderId: z.string(),
  decisionPoint: z.string(),
  rulesetId: z.string(),
  rulesetName: z.string(),
  rulesetVersion: z.number(),
  facts: z.record(z.string(), z.unknown()),
  outcome: z.object({ score: z.number() }),
  rules: z.array(ruleExplanation),
  decidedAt: z.string(),
});
export type Decision = z.infer<typeof decision>;
