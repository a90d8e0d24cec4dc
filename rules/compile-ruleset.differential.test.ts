import { readdirSync, readFileSync } from 'node:fs';
import { inspect, isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DECISION_POINT_SPECS, DECISION_POINTS, OPERATORS_BY_TYPE, type FactSpec } from '../domain/decision-points.ts';
import { rulesetDefinition, type Rule, type RuleCondition, type RulesetDefinition } from '../domain/ruleset.ts';
import { compileRuleset } from './compile-ruleset.ts';
import { instantOf } from './date-instant.ts';
import { evaluateWithEngine, referenceEngine } from './reference-engine.ts';

/*
 * Differential test: the compiled evaluator against json-rules-engine, over generated orders, for the
 * shipped rulesets and for random ones. Any difference fails with fast-check's seed and shrunk case.
 */

const SEED = 20_261_121;
const ORDERS_PER_DEFAULT_RULESET = 10_000;
const ORDERS_PER_RANK_BY = 3_000;
const RANDOM_RULESETS = 500;
const ORDERS_PER_RANDOM_RULESET = 200;

type Facts = Record<string, unknown>;
const MISSING = Symbol('missing');
const counted = { defaults: 0, random: 0 };

/** Deep strict equality (stricter than toEqual), reported with the facts and vitest's diff when it fails. */
function same(actual: unknown, expected: unknown, what: string, facts: Facts): void {
  if (isDeepStrictEqual(actual, expected)) return;
  const label = `${what}(${inspect(facts)})`;
  expect(actual, label).toStrictEqual(expected);
  throw new Error(`${label} differs under deep strict equality`);
}

async function agree(definition: RulesetDefinition, engine: ReturnType<typeof referenceEngine>, compiled: ReturnType<typeof compileRuleset>, facts: Facts) {
  const expected = await evaluateWithEngine(definition, facts, engine);
  same(compiled.evaluate(facts), expected, 'evaluate', facts);
  same(compiled.decide(facts), expected.outcome, 'decide', facts);
  if (definition.hitPolicy === 'additive') same(compiled.score(facts), expected.outcome.score, 'score', facts);
}

/** Facts with some keys left out: a value arbitrary may answer MISSING. */
const factsOf = (fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Facts> =>
  fc.record(fields).map((record) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== MISSING)));

const mismatched = fc.constantFrom(null, '', '12', '12x', 'abc', true, false, [1], ['pick'], {});

const leaves = (node: RuleCondition): Extract<RuleCondition, { fact: string }>[] =>
  'all' in node ? node.all.flatMap(leaves) : 'any' in node ? node.any.flatMap(leaves) : 'not' in node ? leaves(node.not) : [node];

/** Values for one catalogue fact: its type's domain, the rule literals and the numbers just around them, sometimes wrong or missing. */
function factValues(spec: FactSpec, literals: readonly unknown[]): fc.Arbitrary<unknown> {
  const numbers = literals.filter((v): v is number => typeof v === 'number').flatMap((v) => [v, v - 1, v + 1, v - 0.1, v + 0.1, v - 0.05]);
  const strings = literals.filter((v): v is string => typeof v === 'string');
  // A rule's own instant, a millisecond either side, and the same instant written in another zone.
  const dates = ['2026-12-24T17:00:00.000Z', ...strings.filter((v) => instantOf(v) !== null)].flatMap((v) => {
    const t = instantOf(v)!;
    return [v, new Date(t - 1).toISOString(), new Date(t + 1).toISOString(), new Date(t).toISOString().replace('Z', '+00:00')];
  });
  const typed: Record<FactSpec['type'], fc.Arbitrary<unknown>> = {
    number: fc.oneof(fc.constantFrom(0, -0, -1, 1, ...numbers), fc.integer({ min: -1_000, max: 20_000 }), fc.double({ min: -500, max: 500, noNaN: true })),
    enum: fc.constantFrom(...(spec.values ?? []), ...strings, 'not_in_catalogue'),
    string: fc.constantFrom('north', 'south', '', ...strings),
    boolean: fc.boolean(),
    list: fc.subarray(['forklift', 'cold_chain', 'hazmat', ...strings]),
    date: fc.oneof(fc.constantFrom(...dates), fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((d) => d.toISOString())),
  };
  return fc.oneof({ arbitrary: typed[spec.type], weight: 16 }, { arbitrary: fc.constant(MISSING), weight: 2 }, { arbitrary: mismatched, weight: 1 });
}

function defaultRulesets(): [string, RulesetDefinition][] {
  const folder = new URL('./defaults/', import.meta.url);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json') && !file.endsWith('.cases.json'))
    .sort()
    .map((file) => [file, rulesetDefinition.parse(JSON.parse(readFileSync(new URL(file, folder), 'utf8')))]);
}

describe('compiled evaluator = json-rules-engine', () => {
  afterAll(() => {
    console.log(`differential: ${counted.defaults + counted.random} generated orders (${counted.defaults} on default rulesets, ${counted.random} on random rulesets), seed ${SEED}`);
  });

  it.each(defaultRulesets())('on the default ruleset %s', async (_, definition) => {
    await agreeOnCatalogueFacts(definition, ORDERS_PER_DEFAULT_RULESET);
  });

  // Pool sequencing as workload control writes it: the default points under a rank by planned release time, and an expression adjusted by them.
  it.each([
    { expression: 'plannedReleaseAt', direction: 'ascending', points: 'tie_breaker' },
    { expression: 'plannedReleaseSlackHours - 2 * routingHours', direction: 'ascending', points: 'adjustment' },
    { expression: '(orderValue + ageMinutes) / routingLength', direction: 'descending', points: 'adjustment' },
  ] as const)('on the default priority ruleset ranked by $expression, $direction, points as $points', async (rankBy) => {
    await agreeOnCatalogueFacts({ ...defaultRulesets().find(([file]) => file === 'priority.json')![1], rankBy }, ORDERS_PER_RANK_BY);
  });

  async function agreeOnCatalogueFacts(definition: RulesetDefinition, orders: number) {
    const literals = definition.rules.flatMap((rule) => leaves(rule.conditions)).flatMap((leaf) => [leaf.value].flat().map((value) => ({ fact: leaf.fact, value })));
    const fields = Object.fromEntries(
      DECISION_POINT_SPECS[definition.decisionPoint].facts.map((spec) => [spec.name, factValues(spec, literals.filter((l) => l.fact === spec.name).map((l) => l.value))]),
    );
    const engine = referenceEngine(definition);
    const compiled = compileRuleset(definition);
    await fc.assert(
      fc.asyncProperty(factsOf(fields), async (facts) => {
        counted.defaults++;
        await agree(definition, engine, compiled, facts);
      }),
      { seed: SEED, numRuns: orders },
    );
  }

  it(`on ${RANDOM_RULESETS} random rulesets, ${ORDERS_PER_RANDOM_RULESET} orders each`, async () => {
    // The orders come from a generated seed, so a counterexample is a shrunk ruleset and a seed; the failure names the order.
    await fc.assert(
      fc.asyncProperty(randomRuleset, fc.integer(), async (definition, ordersSeed) => {
        const engine = referenceEngine(definition);
        const compiled = compileRuleset(definition);
        for (const facts of fc.sample(randomFacts, { seed: ordersSeed, numRuns: ORDERS_PER_RANDOM_RULESET })) {
          counted.random++;
          await agree(definition, engine, compiled, facts);
        }
      }),
      { seed: SEED, numRuns: RANDOM_RULESETS },
    );
    // A fixed amount of work: about 40 s alone on two cores, past the default minute when other test files share them.
  }, 240_000);
});

// Random rulesets: a small fact vocabulary whose values take any type, so every operator meets
// matching, mismatched and missing values, and literals or other facts to compare with.
const VOCABULARY = ['n', 'm', 's', 'l', 'b', 'toString'];
const scalar = fc.constantFrom(
  0, -0, 1, -1, 2.5, 10, Number.NaN, Number.POSITIVE_INFINITY, '', '1', '10', '2.5x', 'a', 'b', true, false, null,
  '2026-12-24T17:00:00Z', '2026-12-24T18:00:00+01:00', '2026-12-25T09:30:00.5-05:00', '2026-12-24', '2026-12-24T17:00:00',
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
const randomFacts = factsOf(Object.fromEntries(VOCABULARY.slice(0, -1).map((name) => [name, fc.oneof({ arbitrary: value, weight: 6 }, { arbitrary: fc.constant(MISSING), weight: 1 })])));

const OPERATORS = [...new Set(Object.values(OPERATORS_BY_TYPE).flat())];
const leaf: fc.Arbitrary<RuleCondition> = fc.record({
  fact: fc.constantFrom(...VOCABULARY),
  operator: fc.constantFrom(...OPERATORS),
  value: fc.oneof({ arbitrary: value, weight: 3 }, { arbitrary: fc.constantFrom(...VOCABULARY, 'absent').map((fact) => ({ fact })), weight: 1 }),
});
const { group } = fc.letrec<{ node: RuleCondition; group: Rule['conditions'] }>((tie) => ({
  node: fc.oneof({ maxDepth: 3, depthIdentifier: 'condition' }, leaf, tie('group')),
  group: fc.oneof(
    { depthIdentifier: 'condition' },
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((any) => ({ any })),
    tie('node').map((not) => ({ not })),
  ),
}));

// Rank expressions over the same vocabulary, so they meet numbers, NaN, infinities, text, dates, lists and missing facts.
const { expression } = fc.letrec<{ expression: string }>((tie) => ({
  expression: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'expression' },
    fc.constantFrom(...VOCABULARY, '0', '2', '0.5'),
    fc.tuple(tie('expression'), fc.constantFrom('+', '-', '*', '/'), tie('expression')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie('expression').map((a) => `-${a}`),
  ),
}));
const rankBy = fc.option(fc.record({ expression, direction: fc.constantFrom('ascending', 'descending'), points: fc.constantFrom('tie_breaker', 'adjustment') }), { nil: undefined, freq: 2 });

const points = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constantFrom(0.1, 0.2, -0.3, 1e-9), fc.constant(undefined));
const randomRuleset: fc.Arbitrary<RulesetDefinition> = fc
  .record({
    hitPolicy: fc.constantFrom('first', 'collect', 'additive'),
    decisionPoint: fc.constantFrom(...DECISION_POINTS.filter((dp) => dp !== 'priority')),
    rules: fc.array(fc.record({ priority: fc.integer({ min: 1, max: 3 }), conditions: group, points, outcome: fc.nat() }), { minLength: 1, maxLength: 6 }),
    rankBy,
  })
  .map(({ hitPolicy, decisionPoint, rules, rankBy }) => {
    const point = hitPolicy === 'additive' ? 'priority' : decisionPoint;
    const outcomes = DECISION_POINT_SPECS[point].outcomes;
    return {
      decisionPoint: point,
      name: 'Random',
      hitPolicy,
      ...(hitPolicy === 'additive' && rankBy ? { rankBy } : {}),
      rules: rules.map((rule, i) => ({
        name: `r${i}`,
        description: `random rule ${i}`,
        priority: rule.priority,
        conditions: rule.conditions,
        event:
          hitPolicy === 'additive' ?
            { type: 'score', params: rule.points === undefined ? {} : { points: rule.points } }
          : { type: outcomes[rule.outcome % outcomes.length]!.type, params: { reason: `r${i}` } },
      })),
    };
  });
