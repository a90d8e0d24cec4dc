import { describe, expect, it } from 'vitest';
import { DECISION_POINT_SPECS, DECISION_POINTS } from '../../domain/decision-points.ts';
import type { RuleCondition } from '../../domain/ruleset.ts';
import { evaluateWithEngine } from '../reference-engine.ts';
import { validateRuleset } from '../validate-ruleset.ts';
import { caseFactProblems } from './case-fact-problems.ts';
import { DEFAULT_RULESET_CASES, DEFAULT_RULESETS, WORKLOAD_CONTROL_PRIORITY, WORKLOAD_CONTROL_PRIORITY_CASES } from './index.ts';

const factsIn = (condition: RuleCondition): string[] => {
  if ('all' in condition) return condition.all.flatMap(factsIn);
  if ('any' in condition) return condition.any.flatMap(factsIn);
  if ('not' in condition) return factsIn(condition.not);
  const value = condition.value as { fact?: unknown } | null;
  return typeof value === 'object' && value !== null && typeof value.fact === 'string' ? [condition.fact, value.fact] : [condition.fact];
};

describe.each(DECISION_POINTS)('default %s ruleset', (decisionPoint) => {
  const definition = DEFAULT_RULESETS[decisionPoint];
  const cases = DEFAULT_RULESET_CASES[decisionPoint];
  const additive = definition.hitPolicy === 'additive';

  it('belongs to its decision point and passes the ruleset validator', () => {
    expect(definition.decisionPoint).toBe(decisionPoint);
    expect(definition.hitPolicy).toBe(decisionPoint === 'priority' ? 'additive' : 'first');
    const errors = validateRuleset(definition).problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.path}: ${p.message}`)).toEqual([]);
  });

  it.each(cases)('$name', async ({ facts, expect: expected }) => {
    expect(caseFactProblems(decisionPoint, facts)).toEqual([]);
    const { outcome } = await evaluateWithEngine(definition, facts);
    if ('score' in expected) expect(outcome.score).toBe(expected.score);
    else expect({ type: outcome.chosen?.type, params: outcome.chosen?.params }).toEqual(expected);
  });

  it('has at least 6 cases that make every rule count, reach the fallback and leave out a fact the rules use', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
    const evaluations = await Promise.all(cases.map((c) => evaluateWithEngine(definition, c.facts)));
    const counted = new Set(
      evaluations.flatMap(({ outcome }) => (additive ? outcome.events.map((event) => event.rule) : [outcome.chosen?.rule ?? null])),
    );
    const expected = [...definition.rules.map((rule) => rule.name), ...(DECISION_POINT_SPECS[decisionPoint].fallback ? [null] : [])];
    expect(expected.filter((name) => !counted.has(name))).toEqual([]);
    const used = new Set(definition.rules.flatMap((rule) => factsIn(rule.conditions)));
    expect(cases.some((c) => [...used].some((fact) => !(fact in c.facts)))).toBe(true);
  });
});

describe('the workload-control priority ruleset', () => {
  it('passes the ruleset validator and ranks by planned release time, earliest first, points breaking ties', () => {
    const errors = validateRuleset(WORKLOAD_CONTROL_PRIORITY).problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.path}: ${p.message}`)).toEqual([]);
    expect(WORKLOAD_CONTROL_PRIORITY.rankBy).toEqual({ expression: 'plannedReleaseAt', direction: 'ascending', points: 'tie_breaker' });
  });

  it.each(WORKLOAD_CONTROL_PRIORITY_CASES)('$name', async ({ facts, expect: expected }) => {
    expect(caseFactProblems('priority', facts)).toEqual([]);
    const { outcome } = await evaluateWithEngine(WORKLOAD_CONTROL_PRIORITY, facts);
    expect(outcome.score).toBe((expected as { score: number }).score);
    expect(outcome.rank?.value ?? null).toBe(typeof facts.plannedReleaseAt === 'string' ? Date.parse(facts.plannedReleaseAt) / 3_600_000 : null);
  });

  it('has cases that make every rule count and one without a routing', async () => {
    const evaluations = await Promise.all(WORKLOAD_CONTROL_PRIORITY_CASES.map((c) => evaluateWithEngine(WORKLOAD_CONTROL_PRIORITY, c.facts)));
    const counted = new Set(evaluations.flatMap(({ outcome }) => outcome.events.map((event) => event.rule)));
    expect(WORKLOAD_CONTROL_PRIORITY.rules.map((r) => r.name).filter((name) => !counted.has(name))).toEqual([]);
    expect(evaluations.some(({ outcome }) => outcome.rank?.value === null)).toBe(true);
  });
});
