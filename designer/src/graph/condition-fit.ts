import { DECISION_POINT_SPECS, OPERATORS_BY_TYPE, type DecisionPointId, type FactSpec } from '../../../domain/decision-points.ts';
import { validateRuleset } from '../../../rules/validate-ruleset.ts';
import type { ConditionData } from './rules-graph-model.ts';

export const factSpec = (dp: DecisionPointId, name: string): FactSpec | undefined => DECISION_POINT_SPECS[dp].facts.find((f) => f.name === name);

export const takesList = (operator: string) => operator === 'in' || operator === 'notIn';

/** `{ fact: 'x' }` → `'x'`: the other fact a condition compares with, or null for a literal. */
export function factReference(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  const fact = (value as { fact?: unknown }).fact;
  return keys.length === 1 && typeof fact === 'string' ? fact : null;
}

/** Facts a condition on `spec` may compare with by `operator`: same type, one value, not itself. */
export function comparableFacts(dp: DecisionPointId, spec: FactSpec, operator: string): FactSpec[] {
  if (spec.type === 'list' || takesList(operator)) return [];
  return DECISION_POINT_SPECS[dp].facts.filter((f) => f.type === spec.type && f.name !== spec.name);
}

/**
 * Why a condition does not fit its decision point's facts, or null. Asks the ruleset validator about
 * a one-condition ruleset rather than repeating its rules, so the canvas refuses exactly what
 * publishing would.
 */
export function conditionProblem(dp: DecisionPointId, condition: ConditionData): string | null {
  const spec = DECISION_POINT_SPECS[dp];
  const outcome = spec.outcomes[0]!;
  const probe = {
    decisionPoint: dp,
    name: 'probe',
    hitPolicy: spec.hitPolicies[0],
    rules: [{ name: 'probe', description: 'probe', priority: 1, conditions: { all: [condition] }, event: { type: outcome.type, params: {} } }],
  };
  const at = 'rules.0.conditions.all.0';
  const problem = validateRuleset(probe).problems.find((p) => p.severity === 'error' && (p.path === at || p.path.startsWith(`${at}.`)));
  return problem?.message ?? null;
}

/** A value of the fact's own kind that fits `operator`: what a new or re-typed condition starts with. */
export function exampleValue(spec: FactSpec, operator: string): unknown {
  const one = Array.isArray(spec.example) ? spec.example[0] : spec.example;
  return takesList(operator) ? [one] : one;
}

export function newCondition(spec: FactSpec): ConditionData {
  const operator = OPERATORS_BY_TYPE[spec.type][0]!;
  return { fact: spec.name, operator, value: exampleValue(spec, operator) };
}

/** The condition on another fact: the operator and value are kept while they still fit its type. */
export function withFact(dp: DecisionPointId, condition: ConditionData, fact: string): ConditionData {
  const next = factSpec(dp, fact);
  const before = factSpec(dp, condition.fact);
  if (!next) return { ...condition, fact };
  if (before?.type === next.type && before.values === next.values && factReference(condition.value) !== fact) return { ...condition, fact };
  const operator = OPERATORS_BY_TYPE[next.type].includes(condition.operator) ? condition.operator : OPERATORS_BY_TYPE[next.type][0]!;
  return { fact, operator, value: exampleValue(next, operator) };
}

/** Switching between one value and a list of values carries the value over instead of losing it. */
export function withOperator(dp: DecisionPointId, condition: ConditionData, operator: string): ConditionData {
  const { value } = condition;
  if (takesList(operator) === takesList(condition.operator)) return { ...condition, operator };
  if (takesList(operator)) return { ...condition, operator, value: factReference(value) !== null ? [] : [value] };
  const spec = factSpec(dp, condition.fact);
  const first = Array.isArray(value) && value.length > 0 ? value[0] : spec ? exampleValue(spec, operator) : null;
  return { ...condition, operator, value: first };
}
