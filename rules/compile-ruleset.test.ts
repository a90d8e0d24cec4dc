import { describe, expect, it } from 'vitest';
import type { HitPolicy } from '../domain/decision-points.ts';
import type { Rule, RuleCondition, RulesetDefinition } from '../domain/ruleset.ts';
import { compileRuleset } from './compile-ruleset.ts';
import type { EngineConditionResult } from './engine-result.ts';
import { evaluateWithEngine, referenceEngine, referenceResults } from './reference-engine.ts';

type Facts = Record<string, unknown>;

const ruleset = (conditions: Rule['conditions'][], hitPolicy: HitPolicy = 'first', priorities: number[] = []): RulesetDefinition => ({
  decisionPoint: hitPolicy === 'additive' ? 'priority' : 'release',
  name: 'Under test',
  hitPolicy,
  rules: conditions.map((c, i) => ({
    name: `r${i}`,
    description: `rule ${i}`,
    priority: priorities[i] ?? 1,
    conditions: c,
    event: hitPolicy === 'additive' ? { type: 'score', params: { points: 10 * (i + 1) } } : { type: 'wait', params: { reason: `r${i}` } },
  })),
});

/** The fields of a condition result that explanations read; the engine adds priority, factResult, valueResult. */
const readFields = (node: EngineConditionResult): EngineConditionResult =>
  'all' in node ? { all: node.all.map(readFields) }
  : 'any' in node ? { any: node.any.map(readFields) }
  : 'not' in node ? { not: readFields(node.not) }
  : { fact: node.fact, operator: node.operator, value: node.value, result: node.result };

/** Evaluates with both, checks every view of the compiled one against the reference, returns the rules that held. */
async function bothAgree(definition: RulesetDefinition, facts: Facts): Promise<boolean[]> {
  const compiled = compileRuleset(definition);
  const engine = referenceEngine(definition);
  const reference = await referenceResults(engine, definition.rules.length, facts);
  const expected = await evaluateWithEngine(definition, facts, engine);
  expect(compiled.results(facts)).toEqual(reference.map((r) => ({ held: r.held, conditions: readFields(r.conditions) })));
  expect(compiled.evaluate(facts)).toEqual(expected);
  expect(compiled.decide(facts)).toEqual(expected.outcome);
  if (definition.hitPolicy === 'additive') expect(compiled.score(facts)).toBe(expected.outcome.score);
  return reference.map((r) => r.held);
}

const leaf = (fact: string, operator: string, value: unknown): RuleCondition => ({ fact, operator, value });
const ref = (fact: unknown) => ({ fact });
const inherited = Object.create({ a: 5 }) as Facts;
const hidden = Object.defineProperty({}, 'a', { value: 5, enumerable: false }) as Facts;

describe('compiled operators agree with json-rules-engine', () => {
  it.each([
    ['equal', 5, 5, true],
    ['equal', '5', 5, false],
    ['equal', null, null, true],
    ['equal', undefined, 5, false],
    ['equal', [1], [1], false],
    ['equal', Number.NaN, Number.NaN, false],
    ['notEqual', 5, 6, true],
    ['notEqual', 5, 5, false],
    ['notEqual', '5', 5, true],
    ['notEqual', undefined, 5, false],
    ['notEqual', null, 5, true],
    ['in', 'a', ['a', 'b'], true],
    ['in', 'c', ['a', 'b'], false],
    ['in', 'urg', 'urgent', false],
    ['in', 2, 5, false],
    ['in', null, [null], true],
    ['in', Number.NaN, [Number.NaN], false],
    ['in', undefined, [null], false],
    ['notIn', 'c', ['a', 'b'], true],
    ['notIn', 'a', ['a', 'b'], false],
    ['notIn', 'c', 'abc', false],
    ['notIn', undefined, ['a'], false],
    ['contains', ['x', 'y'], 'x', true],
    ['contains', ['x', 'y'], 'z', false],
    ['contains', 'xyz', 'x', false],
    ['contains', [null], null, true],
    ['contains', undefined, 'x', false],
    ['doesNotContain', ['x'], 'y', true],
    ['doesNotContain', ['x'], 'x', false],
    ['doesNotContain', 'xyz', 'q', false],
    ['doesNotContain', undefined, 'x', false],
    ['lessThan', 3, 5, true],
    ['lessThan', 5, 5, false],
    ['lessThan', -0, 0, false],
    ['lessThan', '3', 5, true],
    ['lessThan', '3x', 5, false],
    ['lessThan', 'abc', 5, false],
    ['lessThan', '10', '9', true],
    ['lessThan', true, 5, false],
    ['lessThan', null, 5, false],
    ['lessThan', [3], 5, true],
    ['lessThan', [], 5, false],
    ['lessThan', Number.NaN, 5, false],
    ['lessThan', Number.NEGATIVE_INFINITY, 5, true],
    ['lessThan', 3, '5', true],
    ['lessThan', 3, null, false],
    ['lessThan', undefined, 5, false],
    ['lessThanInclusive', 5, 5, true],
    ['lessThanInclusive', 5.0001, 5, false],
    ['lessThanInclusive', '', 5, false],
    ['greaterThan', 6, 5, true],
    ['greaterThan', 5, 5, false],
    ['greaterThan', '1e3', 999, true],
    ['greaterThan', Number.POSITIVE_INFINITY, 5, true],
    ['greaterThanInclusive', 0, -0, true],
    ['greaterThanInclusive', 4.999, 5, false],
    ['greaterThanInclusive', false, 0, false],
  ] as const)('%s: fact %o, value %o → %s', async (operator, fact, value, holds) => {
    const facts: Facts = fact === undefined ? {} : { a: fact };
    expect(await bothAgree(ruleset([{ all: [leaf('a', operator, value)] }]), facts)).toEqual([holds]);
  });

  it.each([
    // Two missing facts are not equal: a condition on a missing fact is false.
    ['equal', {}, false],
    ['equal', { a: 1 }, false],
    ['notEqual', { a: 1 }, false],
    ['lessThan', { a: 1, b: 2 }, true],
    ['lessThan', { b: 2 }, false],
    ['greaterThan', { a: 3 }, false],
    ['in', { a: 1, b: [1, 2] }, true],
    ['in', { a: 1 }, false],
    ['notIn', { a: 3, b: [1, 2] }, true],
    ['contains', { a: [undefined] }, true],
    ['doesNotContain', { a: [1] }, false],
  ] as const)('%s against another fact, facts %o → %s', async (operator, facts, holds) => {
    expect(await bothAgree(ruleset([{ all: [leaf('a', operator, ref('b'))] }]), facts)).toEqual([holds]);
  });

  it.each([
    ['a non-string fact reference names no fact', leaf('a', 'equal', ref(5)), { a: 1, 5: 1 }, false],
    ['an object without `fact` is a literal', leaf('a', 'equal', { other: 'b' }), { a: 1, b: 1 }, false],
    ['an extra key keeps it a reference', leaf('a', 'equal', { fact: 'b', params: { x: 1 } }), { a: 1, b: 1 }, true],
    ["Object.prototype's members are not facts", leaf('toString', 'notEqual', 1), { a: 1 }, false],
    ['an inherited enumerable property is a fact', leaf('a', 'equal', 5), inherited, true],
    ['a non-enumerable property is not', leaf('a', 'equal', 5), hidden, false],
    ['a fact explicitly undefined is missing', leaf('a', 'notEqual', 1), { a: undefined }, false],
  ] as const)('%s', async (_, condition, facts, holds) => {
    expect(await bothAgree(ruleset([{ all: [condition] }]), facts as Facts)).toEqual([holds]);
  });
});

describe('groups', () => {
  const low = leaf('n', 'lessThan', 10);
  const high = leaf('n', 'greaterThan', 100);
  const even = leaf('even', 'equal', true);
  it.each([
    ['all of one', { all: [low] }, { n: 5 }, true],
    ['all, one failing, every leaf still reported', { all: [high, low, even] }, { n: 5, even: true }, false],
    ['any, first holding, every leaf still reported', { any: [low, high, even] }, { n: 5 }, true],
    ['any, none holding', { any: [high, even] }, { n: 5 }, false],
    ['not', { not: low }, { n: 5 }, false],
    ['not of a missing fact', { not: low }, {}, true],
    ['not not', { not: { not: low } }, { n: 5 }, true],
    ['nested', { all: [{ any: [high, { not: even }] }, { not: { all: [low, even] } }] }, { n: 5, even: false }, true],
    ['deeply nested', { any: [{ all: [{ not: { any: [high] } }, { all: [even, { not: low }] }] }] }, { n: 50, even: true }, true],
    ['an empty all holds', { all: [] }, {}, true],
    ['an empty any holds too', { any: [] }, {}, true],
    ['a not over an empty any fails', { not: { any: [] } }, {}, false],
  ] as const)('%s', async (_, conditions, facts, holds) => {
    expect(await bothAgree(ruleset([conditions as Rule['conditions']]), facts)).toEqual([holds]);
  });
});

describe('hit policies', () => {
  const n = (operator: string, value: number): Rule['conditions'] => ({ all: [leaf('n', operator, value)] });
  const rules = [n('greaterThan', 0), n('greaterThan', 10), n('lessThan', 0), n('greaterThan', 5)];
  it.each([
    ['first, rule priority decides', 'first', [1, 3, 2, 3], { n: 20 }],
    ['first, ties run as written', 'first', [2, 2, 2, 2], { n: 20 }],
    ['first, none holds: fallback', 'first', [1, 1, 1, 1], { n: 0 }],
    ['collect', 'collect', [1, 5, 9, 5], { n: 20 }],
    ['collect, none holds', 'collect', [1, 1, 1, 1], { n: 0 }],
    ['additive', 'additive', [4, 3, 2, 1], { n: 20 }],
    ['additive, none holds', 'additive', [1, 1, 1, 1], { n: 0 }],
    ['additive, missing fact', 'additive', [1, 1, 1, 1], {}],
  ] as const)('%s', async (_, hitPolicy, priorities, facts) => {
    await bothAgree(ruleset(rules, hitPolicy, [...priorities]), facts);
  });

  it('sums points in the ruleset order, to the bit', async () => {
    const definition = ruleset([n('greaterThan', 0), n('greaterThan', 0), n('greaterThan', 0)], 'additive', [1, 9, 5]);
    definition.rules.forEach((rule, i) => (rule.event.params.points = [0.1, 0.2, 0.3][i]));
    await bothAgree(definition, { n: 1 });
    expect(compileRuleset(definition).score({ n: 1 })).toBe(0.1 + 0.2 + 0.3);
  });
});

describe('what the compiled evaluator refuses', () => {
  it('an unknown operator, at compile time (the engine rejects every run)', async () => {
    const definition = ruleset([{ all: [leaf('n', 'lessThan', 1)] }, { any: [{ not: leaf('n', 'between', [1, 2]) }] }]);
    expect(() => compileRuleset(definition)).toThrow('rule "r1" › 1 › not: unknown operator "between"');
    await expect(evaluateWithEngine(definition, { n: 1 })).rejects.toThrow('Unknown operator: between');
  });

  it("decorated operators, which the engine knows but Sluice's validator refuses", () => {
    expect(() => compileRuleset(ruleset([{ all: [leaf('n', 'not:equal', 1)] }]))).toThrow('unknown operator "not:equal"');
  });

  it('fact references with a path', () => {
    expect(() => compileRuleset(ruleset([{ all: [leaf('n', 'equal', { fact: 'm', path: '$.x' })] }]))).toThrow('fact references with a path are not supported');
  });

  it('score() on a ruleset that is not additive', () => {
    expect(() => compileRuleset(ruleset([{ all: [leaf('n', 'equal', 1)] }])).score({})).toThrow('use decide()');
  });
});
