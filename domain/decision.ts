import { z } from 'zod';
import { RANK_VALUE_MAX } from './ruleset.ts';
import { jsonKey, oneLine } from './text.ts';

/** One leaf condition as it was evaluated: what the fact was, what the rule expected, and the result. */
export interface ConditionLeaf {
  kind: 'condition';
  fact: string;
  operator: string;
  /** The value compared with: a literal, or the value of `expectedFact`. */
  expected: unknown;
  /** Set when the rule compares with another fact rather than a literal. */
  expectedFact: string | null;
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
      expectedFact: z.string().nullable(),
      actual: z.unknown(),
      missing: z.boolean(),
      result: z.boolean(),
    }),
    z.object({ kind: z.enum(['all', 'any', 'not']), result: z.boolean(), children: z.array(conditionNode) }),
  ]),
);

// Bounded as a rule's event is, since a stored test case gives the outcome it expects in this shape.
export const firedEvent = z.object({ rule: oneLine(120).nullable(), type: oneLine(100), params: z.record(jsonKey(100), z.unknown()) });
export type FiredEvent = z.infer<typeof firedEvent>;

/** What the rules decided, by the ruleset's hit policy. */
export const decisionOutcome = z.object({
  /** The events of every rule that held, in the order the rules ran. */
  events: z.array(firedEvent).max(1000),
  /** Additive policy: the sum of the points. Null for the other policies. */
  score: z.number().min(-1e15).max(1e15).nullable(),
  /** First-match: the first rule's event; collect: the first of them; when none held, the decision point's fallback. */
  chosen: firedEvent.nullable(),
  /**
   * Rank-by rulesets: the value the order is ranked by (null when a fact it needs is missing: the order
   * then ranks after every order that has one) and the sentence that says how the pool is ranked.
   */
  rank: z.object({ value: z.number().min(-RANK_VALUE_MAX).max(RANK_VALUE_MAX).nullable(), sentence: z.string().max(2000) }).optional(),
});
export type DecisionOutcome = z.infer<typeof decisionOutcome>;

export const ruleExplanation = z.object({
  name: z.string(),
  description: z.string(),
  /** The rule's conditions held. */
  fired: z.boolean(),
  /** The rule's event is part of the decision (under first-match only the first rule that holds). */
  applied: z.boolean(),
  /** Points added (additive policy), otherwise 0. */
  points: z.number(),
  event: z.object({ type: z.string(), params: z.record(z.string(), z.unknown()) }),
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
  outcome: decisionOutcome,
  rules: z.array(ruleExplanation),
  decidedAt: z.string(),
});
export type Decision = z.infer<typeof decision>;
