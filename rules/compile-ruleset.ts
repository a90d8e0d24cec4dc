import { DECISION_POINT_SPECS } from '../domain/decision-points.ts';
import type { DecisionOutcome, FiredEvent } from '../domain/decision.ts';
import type { RuleCondition, RulesetDefinition } from '../domain/ruleset.ts';
import { DATE_OPERATORS } from './date-instant.ts';
import type { EngineConditionResult, EngineRuleResult } from './engine-result.ts';
import { compileRankExpression } from './compile-rank-by.ts';
import { explainEvaluation, runOrder, type Evaluation } from './explain-evaluation.ts';
import { rankExpressionOf, rankOutcome } from './rank-by.ts';

/*
 * The compiled evaluator. json-rules-engine stays the reference semantics, but it answers through
 * promises, clones every rule's conditions on every run and looks operators up by name: fine for one
 * decision, too slow to re-rank a pool of 100,000 orders on every release cycle. This compiles a
 * ruleset version once into synchronous closures that give the same per-rule results as the reference
 * engine (rules/reference-engine.ts, with Sluice's missing-fact operators), so `evaluate` returns the
 * same Evaluation, explanations included; `decide` and `score` skip the explanation and short-circuit
 * groups, which is safe because no operator throws or has side effects. The differential test proves
 * the agreement over generated orders and rulesets. It imports no engine, so it can run anywhere.
 *
 * The reference behaviour mirrored here: every leaf of every rule is evaluated (the engine only
 * short-circuits between condition priorities, which Sluice's conditions never set), so each leaf
 * reports a result; an empty `all` or `any` holds; a group's result is its children's every/some and
 * `not` negates; a fact is what `for…in` over the facts sees (own or inherited enumerable properties),
 * so `toString` is missing rather than Object.prototype's; `{ fact: X }` as a value is a fact
 * reference whenever the object has its own `fact` property, and a non-string X never names a fact.
 * Facts are data: function values, which the engine would call as dynamic facts, are out of scope.
 *
 * What the engine would reject at run time is refused here at compile time: an operator it does not
 * know ("Unknown operator"), and, beyond the reference, decorated operators (`not:equal`) and fact
 * references with a `path`, which the ruleset validator refuses as well.
 */

type Facts = Readonly<Record<string, unknown>>;
type Operator = (fact: unknown, value: unknown) => boolean;

const isNumber = (a: unknown) => (typeof a === 'number' ? a === a : !Number.isNaN(Number.parseFloat(a as string)));

/** json-rules-engine's default operators, with Sluice's replacements from missing-fact-operators.ts and its date operators. */
const OPERATORS: Readonly<Record<string, Operator>> = {
  equal: (a, b) => a !== undefined && a === b,
  notEqual: (a, b) => a !== undefined && b !== undefined && a !== b,
  in: (a, b) => a !== undefined && Array.isArray(b) && b.indexOf(a) > -1,
  notIn: (a, b) => a !== undefined && Array.isArray(b) && b.indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && b !== undefined && a.indexOf(b) === -1,
  // The engine only checks that the fact parses as a number, then compares with JavaScript's coercions.
  lessThan: (a, b) => isNumber(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumber(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumber(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumber(a) && (a as number) >= (b as number),
  ...DATE_OPERATORS,
};

const isEnumerable = Object.prototype.propertyIsEnumerable;

/** The value the engine sees for a fact: it registers what `for…in` lists, so inherited enumerables count. */
function factValue(facts: Facts, name: string): unknown {
  const value = facts[name];
  if (value === undefined || isEnumerable.call(facts, name)) return value;
  if (Object.hasOwn(facts, name)) return undefined;
  for (let proto = Object.getPrototypeOf(facts) as object | null; proto !== null; proto = Object.getPrototypeOf(proto) as object | null) {
    const property = Object.getOwnPropertyDescriptor(proto, name);
    if (property) return property.enumerable ? value : undefined;
  }
  return undefined;
}

/** Reads one side of a comparison; the engine's almanac resolves a fact reference, anything else is a literal. */
function compileValue(value: unknown, where: string): (facts: Facts) => unknown {
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, 'fact')) return () => value;
  const reference = value as { fact: unknown; path?: unknown };
  if (reference.path) throw new Error(`${where}: fact references with a path are not supported`);
  const name = reference.fact;
  return typeof name === 'string' ? (facts) => factValue(facts, name) : () => undefined;
}

interface CompiledCondition {
  /** The condition's result, short-circuiting groups. */
  test(facts: Facts): boolean;
  /** Evaluates every leaf, as the engine does, appends the result tree to `into` and returns the result. */
  trace(facts: Facts, into: EngineConditionResult[]): boolean;
}

function compileCondition(node: RuleCondition, where: string): CompiledCondition {
  // The engine checks the group keys in this order.
  if ('any' in node || 'all' in node) {
    const any = 'any' in node;
    const children = (any ? node.any : (node as { all: RuleCondition[] }).all).map((child, i) => compileCondition(child, `${where} › ${i + 1}`));
    const tests = children.map((c) => c.test);
    return {
      test:
        tests.length === 0 ? () => true
        : any ?
          (facts) => {
            for (const t of tests) if (t(facts)) return true;
            return false;
          }
        : (facts) => {
            for (const t of tests) if (!t(facts)) return false;
            return true;
          },
      trace(facts, into) {
        const results: EngineConditionResult[] = [];
        let some = false;
        let every = true;
        for (const child of children) {
          const result = child.trace(facts, results);
          some ||= result;
          every &&= result;
        }
        into.push(any ? { any: results } : { all: results });
        return children.length === 0 || (any ? some : every);
      },
    };
  }
  if ('not' in node) {
    const child = compileCondition(node.not, `${where} › not`);
    return {
      test: (facts) => !child.test(facts),
      trace(facts, into) {
        const result: EngineConditionResult[] = [];
        const held = child.trace(facts, result);
        into.push({ not: result[0]! });
        return !held;
      },
    };
  }
  const { fact, operator, value } = node;
  if (!Object.hasOwn(OPERATORS, operator)) throw new Error(`${where}: unknown operator "${operator}" (known: ${Object.keys(OPERATORS).join(', ')})`);
  const op = OPERATORS[operator]!;
  const right = compileValue(value, where);
  const test = (facts: Facts) => op(factValue(facts, fact), right(facts));
  return {
    test,
    trace(facts, into) {
      const result = test(facts);
      into.push({ fact, operator, value, result });
      return result;
    },
  };
}

export interface CompiledRuleset {
  readonly definition: RulesetDefinition;
  /** Per-rule results, as the reference engine reports them; one per rule, in the ruleset's order. */
  results(facts: Facts): EngineRuleResult[];
  /** The decision and its explanation: equal to `evaluateWithEngine`. */
  evaluate(facts: Facts): Evaluation;
  /** The decision without the explanation: equal to `evaluate(facts).outcome`. */
  decide(facts: Facts): DecisionOutcome;
  /** Additive rulesets only: the score, equal to `decide(facts).score`, without allocating. */
  score(facts: Facts): number;
  /** Rank-by rulesets: the value an order ranks by, equal to `decide(facts).rank.value` (undefined where that is null); null without a rank-by. */
  rankValue: ((facts: Facts) => number | undefined) | null;
}

/** Compiles a ruleset version once; throws, naming the rule and condition, on what it cannot evaluate. */
export function compileRuleset(definition: RulesetDefinition): CompiledRuleset {
  const rules = definition.rules.map((rule) => compileCondition(rule.conditions, `rule "${rule.name}"`));
  const order = runOrder(definition);
  const events = definition.rules.map((rule): FiredEvent => Object.freeze({ rule: rule.name, type: rule.event.type, params: rule.event.params }));
  const points = definition.rules.map((rule) => (typeof rule.event.params.points === 'number' ? rule.event.params.points : 0));
  const additive = definition.hitPolicy === 'additive';
  const fallbackSpec = DECISION_POINT_SPECS[definition.decisionPoint].fallback;
  const fallback: FiredEvent | null = fallbackSpec && Object.freeze({ rule: null, type: fallbackSpec.type, params: fallbackSpec.params });
  const rankValue = definition.rankBy ? compileRankExpression(rankExpressionOf(definition.rankBy)) : null;

  // Reused by every call: evaluation is synchronous and, facts being data, cannot re-enter.
  const held = new Uint8Array(rules.length);
  /** Tests every rule into `held`; answers the points summed in the ruleset's order, as explainEvaluation sums them, so they agree to the bit. */
  const testRules = (facts: Facts) => {
    let total = 0;
    for (let i = 0; i < rules.length; i++) {
      held[i] = rules[i]!.test(facts) ? 1 : 0;
      if (held[i]) total += points[i]!;
    }
    return total;
  };
  const results = (facts: Facts) =>
    rules.map((rule): EngineRuleResult => {
      const into: EngineConditionResult[] = [];
      return { held: rule.trace(facts, into), conditions: into[0]! };
    });

  return {
    definition,
    results,
    evaluate: (facts) => explainEvaluation(definition, facts, results(facts), rankValue?.(facts)),
    decide(facts) {
      const score = testRules(facts);
      const fired: FiredEvent[] = [];
      for (const i of order) if (held[i]) fired.push(events[i]!);
      if (!additive) return { events: fired, score: null, chosen: fired[0] ?? fallback };
      return rankValue ? { events: fired, score, chosen: null, rank: rankOutcome(definition, facts, rankValue(facts), score) } : { events: fired, score, chosen: null };
    },
    score(facts) {
      if (!additive) throw new Error(`score() is for additive rulesets; "${definition.name}" is ${definition.hitPolicy}: use decide()`);
      return testRules(facts);
    },
    rankValue,
  };
}
