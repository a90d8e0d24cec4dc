import { z } from 'zod';

/** json-rules-engine condition JSON, kept structurally (the engine is the reference for its meaning). */
export type RuleCondition =
  | { all: RuleCondition[] }
  | { any: RuleCondition[] }
  | { not: RuleCondition }
  | { fact: string; operator: string; value: unknown; path?: string };

export const ruleCondition: z.ZodType<RuleCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ruleCondition).min(1) }),
    z.strictObject({ any: z.array(ruleCondition).min(1) }),
    z.strictObject({ not: ruleCondition }),
    z.strictObject({ fact: z.string().min(1), operator: z.string().min(1), value: z.unknown(), path: z.string().optional() }),
  ]),
);

export const rule = z.strictObject({
  name: z.string().min(1),
  description: z.string().min(1),
  priority: z.number().int().min(1).default(1),
  conditions: ruleCondition,
  event: z.strictObject({ type: z.literal('score'), params: z.strictObject({ points: z.number() }) }),
});
export type Rule = z.infer<typeof rule>;

/** A priority ruleset: every rule whose conditions hold adds its points (additive hit policy). */
export const rulesetDefinition = z.strictObject({
  decisionPoint: z.literal('priority'),
  name: z.string().min(1),
  hitPolicy: z.literal('additive'),
  rules: z
    .array(rule)
    .min(1)
    .refine((rules) => new Set(rules.map((r) => r.name)).size === rules.length, 'rule names must be unique within a ruleset'),
});
export type RulesetDefinition = z.infer<typeof rulesetDefinition>;

export const rulesetView = z.object({
  id: z.string(),
  decisionPoint: z.string(),
  name: z.string(),
  version: z.number(),
  status: z.enum(['draft', 'published', 'retired']),
  publishedAt: z.string().nullable(),
  definition: rulesetDefinition,
});
export type RulesetView = z.infer<typeof rulesetView>;

/** One line of a ruleset's history, newest first. */
export const rulesetVersionSummary = z.object({
  version: z.number(),
  status: z.enum(['draft', 'published', 'retired']),
  author: z.string(),
  note: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type RulesetVersionSummary = z.infer<typeof rulesetVersionSummary>;

/** `POST /rulesets/:decisionPoint/versions`: publish a new immutable version with a note. */
export const publishRulesetRequest = z.strictObject({
  definition: rulesetDefinition,
  note: z.string().trim().min(1, 'say what changed and why').max(500),
});
export type PublishRulesetRequest = z.infer<typeof publishRulesetRequest>;
