import { z } from 'zod';
import { DECISION_POINTS, HIT_POLICIES } from './decision-points.ts';

/**
 * json-rules-engine condition JSON. A condition's `value` is a literal, or `{ "fact": "otherFact" }` to
 * compare two facts (e.g. a balance against a limit).
 */
export type RuleCondition =
  | { all: RuleCondition[] }
  | { any: RuleCondition[] }
  | { not: RuleCondition }
  | { fact: string; operator: string; value: unknown };

export const ruleCondition: z.ZodType<RuleCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ruleCondition).min(1) }),
    z.strictObject({ any: z.array(ruleCondition).min(1) }),
    z.strictObject({ not: ruleCondition }),
    z.strictObject({ fact: z.string().min(1), operator: z.string().min(1), value: z.unknown() }),
  ]),
);
/** The engine wants a group at the top of a rule. */
const topLevelCondition = z.union([
  z.strictObject({ all: z.array(ruleCondition).min(1) }),
  z.strictObject({ any: z.array(ruleCondition).min(1) }),
  z.strictObject({ not: ruleCondition }),
]);

export const rule = z.strictObject({
  name: z.string().trim().min(1),
  /** Plain language: what the rule is for, for the people who read decisions. */
  description: z.string().trim().min(1),
  /** Higher runs first; under first-match the first rule that holds decides. */
  priority: z.number().int().min(1).default(1),
  conditions: topLevelCondition,
  event: z.strictObject({ type: z.string().min(1), params: z.record(z.string(), z.unknown()).default({}) }),
});
export type Rule = z.infer<typeof rule>;

/**
 * A ruleset for one decision point: json-rules-engine rules plus what Sluice needs around them. The
 * structure is checked here; whether facts, operators, values and outcomes fit the decision point is
 * the validator's job (rules/validate-ruleset.ts), which reports every problem with its path.
 */
export const rulesetDefinition = z.strictObject({
  decisionPoint: z.enum(DECISION_POINTS),
  name: z.string().trim().min(1),
  description: z.string().optional(),
  hitPolicy: z.enum(HIT_POLICIES),
  rules: z.array(rule).min(1, 'a ruleset needs at least one rule'),
});
export type RulesetDefinition = z.infer<typeof rulesetDefinition>;

/**
 * Where a version stands: a draft is being edited; a published version is `scheduled` until its
 * effective time, then `published` (in force) until a newer one takes effect, then `retired`.
 */
export const RULESET_STATUSES = ['draft', 'scheduled', 'published', 'retired'] as const;
export const rulesetStatus = z.enum(RULESET_STATUSES);

/** One line of a ruleset's history, newest first. */
export const rulesetVersionSummary = z.object({
  version: z.number(),
  status: rulesetStatus,
  author: z.string(),
  note: z.string().nullable(),
  publishedAt: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  /** For a rollback, the version whose rules it published again. */
  basedOn: z.number().nullable(),
});
export type RulesetVersionSummary = z.infer<typeof rulesetVersionSummary>;

export const rulesetView = rulesetVersionSummary.extend({
  id: z.string(),
  decisionPoint: z.enum(DECISION_POINTS),
  name: z.string(),
  definition: rulesetDefinition,
});
export type RulesetView = z.infer<typeof rulesetView>;

/** `POST /rulesets/:decisionPoint/versions`: publish a new immutable version with a note. */
export const publishRulesetRequest = z.strictObject({
  definition: rulesetDefinition,
  note: z.string().trim().min(1, 'say what changed and why').max(500),
  /** When the version takes effect; now if absent. */
  effectiveFrom: z.iso.datetime({ offset: true }).optional(),
});
export type PublishRulesetRequest = z.infer<typeof publishRulesetRequest>;

export const publishDraftRequest = publishRulesetRequest.omit({ definition: true });
export const rollbackRequest = z.strictObject({ version: z.number().int().positive(), note: z.string().trim().min(1).max(500) });
export const draftRequest = z.strictObject({ definition: z.unknown() });
