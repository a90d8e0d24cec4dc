import { z } from 'zod';
import { DECISION_POINTS, HIT_POLICIES } from './decision-points.ts';
import { inFlightPolicy } from './in-flight-policy.ts';
import { jsonKey, oneLine, paragraph } from './text.ts';
import { instantInput } from './instant-input.ts';

/** Far more than any ruleset a person edits; beyond them validating and running rules would only cost. */
export const MAX_RULES = 1000;
export const MAX_CONDITION_DEPTH = 32;
const MAX_GROUP_SIZE = 200;

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
    z.strictObject({ all: z.array(ruleCondition).min(1).max(MAX_GROUP_SIZE) }),
    z.strictObject({ any: z.array(ruleCondition).min(1).max(MAX_GROUP_SIZE) }),
    z.strictObject({ not: ruleCondition }),
    z.strictObject({ fact: oneLine(100), operator: oneLine(50), value: z.unknown() }),
  ]),
);
/** The engine wants a group at the top of a rule. */
const topLevelCondition = z.union([
  z.strictObject({ all: z.array(ruleCondition).min(1).max(MAX_GROUP_SIZE) }),
  z.strictObject({ any: z.array(ruleCondition).min(1).max(MAX_GROUP_SIZE) }),
  z.strictObject({ not: ruleCondition }),
]);

export const rule = z.strictObject({
  name: oneLine(120),
  /** Plain language: what the rule is for, for the people who read decisions. */
  description: paragraph(2000, 'cannot be empty'),
  /** Higher runs first; under first-match the first rule that holds decides. */
  priority: z.number().int().min(1).max(1_000_000).default(1),
  conditions: topLevelCondition,
  event: z.strictObject({ type: oneLine(100), params: z.record(jsonKey(100), z.unknown()).default({}) }),
});
export type Rule = z.infer<typeof rule>;

export const RANK_DIRECTIONS = ['ascending', 'descending'] as const;
/** What a rank-by does with the additive rules' points: break ties, or move the order by one unit of the rank value per point. */
export const RANK_POINTS = ['tie_breaker', 'adjustment'] as const;
export const RANK_EXPRESSION_MAX = 300;
/** Rank values are bounded as scores are; beyond, a value counts as missing. */
export const RANK_VALUE_MAX = 1e15;

/**
 * Priority rulesets only: rank the pool by a fact or a small expression of number facts
 * (rules/rank-expression.ts), rather than by points alone. The validator checks the expression against
 * the decision point's facts.
 */
export const rankBy = z.strictObject({
  expression: oneLine(RANK_EXPRESSION_MAX),
  direction: z.enum(RANK_DIRECTIONS),
  points: z.enum(RANK_POINTS).default('tie_breaker'),
});
export type RankBy = z.infer<typeof rankBy>;

/**
 * A ruleset for one decision point: json-rules-engine rules plus what Sluice needs around them. The
 * structure is checked here; whether facts, operators, values and outcomes fit the decision point is
 * the validator's job (rules/validate-ruleset.ts), which reports every problem with its path.
 */
export const rulesetDefinition = z.strictObject({
  decisionPoint: z.enum(DECISION_POINTS),
  name: oneLine(120),
  description: paragraph(2000).optional(),
  hitPolicy: z.enum(HIT_POLICIES),
  rankBy: rankBy.optional(),
  rules: z.array(rule).min(1, 'a ruleset needs at least one rule').max(MAX_RULES, `a ruleset has at most ${MAX_RULES} rules`),
});
export type RulesetDefinition = z.infer<typeof rulesetDefinition>;

const groupsOf = (node: unknown): unknown[] => {
  if (node === null || typeof node !== 'object') return [];
  const { all, any, not } = node as { all?: unknown; any?: unknown; not?: unknown };
  return [...(Array.isArray(all) ? all : []), ...(Array.isArray(any) ? any : []), ...(not !== undefined ? [not] : [])];
};

/**
 * Whether a ruleset as it arrives (not yet checked) has more rules or deeper conditions than Sluice takes,
 * found without recursion: the schema, the validator and the engine all walk conditions recursively, and a
 * ruleset nested thousands deep would overflow their stack.
 */
export function rulesetSizeProblem(input: unknown): { path: string; message: string } | null {
  const rules = (input as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules)) return null;
  if (rules.length > MAX_RULES) return { path: 'rules', message: `a ruleset has at most ${MAX_RULES} rules, this one has ${rules.length}` };
  for (const [i, r] of rules.entries()) {
    const stack: [unknown, number][] = [[(r as { conditions?: unknown } | null)?.conditions, 1]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!;
      if (depth > MAX_CONDITION_DEPTH) return { path: `rules.${i}.conditions`, message: `conditions nest at most ${MAX_CONDITION_DEPTH} groups deep` };
      for (const child of groupsOf(node)) stack.push([child, depth + 1]);
    }
  }
  return null;
}

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
  note: paragraph(500, 'say what changed and why'),
  /** When the version takes effect; now if absent. */
  effectiveFrom: instantInput().optional(),
  /** Publish although stored test cases fail; the reason is kept in the audit log with the publish. */
  override: z.strictObject({ reason: paragraph(500, 'say why these rules may be published although test cases fail') }).optional(),
  /** What happens to the orders waiting at the decision point (domain/in-flight-policy.ts); re-decide where it can if absent. */
  inFlight: inFlightPolicy.optional(),
});
export type PublishRulesetRequest = z.infer<typeof publishRulesetRequest>;

export const publishDraftRequest = publishRulesetRequest.omit({ definition: true });
export const rollbackRequest = z.strictObject({ version: z.number().int().positive().max(1_000_000), note: paragraph(500, 'cannot be empty') });
export const draftRequest = z.strictObject({ definition: z.unknown() });
