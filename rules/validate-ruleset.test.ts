import { describe, expect, it } from 'vitest';
import { DEFAULT_RULESETS, WORKLOAD_CONTROL_PRIORITY, defaultPriorityRuleset } from './defaults/index.ts';
import { validateRuleset } from './validate-ruleset.ts';

type Condition = Record<string, unknown>;
const leaf = (fact: string, operator: string, value: unknown): Condition => ({ fact, operator, value });
const rule = (name: string, conditions: Condition, event: { type: string; params?: Record<string, unknown> }, priority = 1) => ({
  name,
  description: `${name}.`,
  priority,
  conditions,
  event: { params: {}, ...event },
});
const intake = (...rules: unknown[]) => ({ decisionPoint: 'intake', name: 'Test intake', hitPolicy: 'first', rules });
const hold = { type: 'hold', params: { holdType: 'credit', reason: 'over limit' } };
const problemsOf = (input: unknown) => validateRuleset(input).problems.map((p) => `${p.severity} ${p.path}: ${p.message}`);

describe('validateRuleset', () => {
  it('accepts the default priority ruleset', () => {
    expect(validateRuleset(defaultPriorityRuleset)).toMatchObject({ valid: true, problems: [] });
  });

  it.each([
    {
      case: 'an unknown fact',
      input: intake(rule('A', { all: [leaf('colour', 'equal', 'red')] }, hold)),
      problem: 'error rules.0.conditions.all.0.fact: unknown fact "colour"',
    },
    {
      case: 'an operator that does not fit the type',
      input: intake(rule('A', { all: [leaf('orderValue', 'contains', 5)] }, hold)),
      problem: 'error rules.0.conditions.all.0.operator: "contains" does not fit orderValue, a number fact',
    },
    {
      case: 'a value of the wrong type',
      input: intake(rule('A', { all: [leaf('orderValue', 'greaterThan', 'lots')] }, hold)),
      problem: 'error rules.0.conditions.all.0.value: "lots" is not a number (orderValue is a number in currency)',
    },
    {
      case: 'a value outside the enum',
      input: intake(rule('A', { any: [leaf('kind', 'in', ['pick', 'teleport'])] }, hold)),
      problem: 'error rules.0.conditions.any.0.value: "teleport" is not a value of kind',
    },
    {
      case: 'a date without a zone',
      input: intake(rule('A', { all: [leaf('dueAt', 'before', '2026-12-24T17:00:00')] }, hold)),
      problem: 'error rules.0.conditions.all.0.value: "2026-12-24T17:00:00" is not a date and time with a zone (e.g. 2026-12-24T17:00:00Z)',
    },
    {
      case: 'a date that is not on the calendar',
      input: intake(rule('A', { all: [leaf('dueAt', 'after', '2026-02-30T09:00:00Z')] }, hold)),
      problem: 'error rules.0.conditions.all.0.value: "2026-02-30T09:00:00Z" is not a date and time',
    },
    {
      case: 'a number operator on a date',
      input: intake(rule('A', { all: [leaf('dueAt', 'lessThan', '2026-12-24T17:00:00Z')] }, hold)),
      problem: 'error rules.0.conditions.all.0.operator: "lessThan" does not fit dueAt, a date fact: use before, after',
    },
    {
      case: 'contradictory dates, even written in different zones',
      input: intake(rule('A', { all: [leaf('dueAt', 'before', '2026-12-24T17:00:00Z'), leaf('dueAt', 'after', '2026-12-24T18:00:00+01:00')] }, hold)),
      problem: 'error rules.0.conditions: "A" can never apply: its conditions contradict each other',
    },
    {
      case: 'a date rule shadowed by an earlier one',
      input: intake(
        rule('Before Christmas', { all: [leaf('dueAt', 'before', '2026-12-25T00:00:00Z')] }, hold, 5),
        rule('Before Christmas Eve', { all: [leaf('dueAt', 'before', '2026-12-24T00:00:00Z')] }, { type: 'reject', params: { reason: 'x' } }, 1),
      ),
      problem: 'error rules.1: "Before Christmas Eve" is unreachable: every order it matches is decided first by "Before Christmas"',
    },
    {
      case: 'comparing facts of different types',
      input: intake(rule('A', { all: [leaf('orderValue', 'greaterThan', { fact: 'kind' })] }, hold)),
      problem: 'error rules.0.conditions.all.0.value: orderValue cannot be compared with kind by "greaterThan"',
    },
    {
      case: 'an outcome the decision point does not accept',
      input: intake(rule('A', { all: [leaf('orderValue', 'greaterThan', 5)] }, { type: 'score', params: { points: 5 } })),
      problem: 'error rules.0.event.type: "score" is not an outcome of intake: it accepts accept, hold, specialist_review, reject',
    },
    {
      case: 'outcome parameters of the wrong type',
      input: intake(rule('A', { all: [leaf('orderValue', 'greaterThan', 5)] }, { type: 'hold', params: { holdType: 'weather', reason: 'x' } })),
      problem: 'error rules.0.event.params.holdType:',
    },
    {
      case: 'a hit policy the decision point does not use',
      input: { ...intake(rule('A', { all: [leaf('orderValue', 'greaterThan', 5)] }, hold)), hitPolicy: 'additive' },
      problem: 'error hitPolicy: the intake decision point decides by first, not "additive"',
    },
    {
      case: 'a duplicate name',
      input: intake(rule('A', { all: [leaf('orderValue', 'greaterThan', 5)] }, hold), rule('A', { all: [leaf('orderValue', 'lessThan', 1)] }, hold)),
      problem: 'error rules.1.name: the name "A" is already used by rule 1',
    },
    {
      case: 'a duplicate rule',
      input: intake(rule('A', { all: [leaf('orderValue', 'greaterThan', 5)] }, hold), rule('B', { all: [leaf('orderValue', 'greaterThan', 5)] }, hold)),
      problem: 'error rules.1: "B" repeats rule 1 exactly',
    },
    {
      case: 'contradictory conditions',
      input: intake(rule('A', { all: [leaf('orderValue', 'greaterThan', 5), leaf('orderValue', 'lessThan', 3)] }, hold)),
      problem: 'error rules.0.conditions: "A" can never apply: its conditions contradict each other',
    },
    {
      case: 'a rule shadowed by an earlier one under first-match',
      input: intake(
        rule('Big', { all: [leaf('orderValue', 'greaterThan', 1000)] }, hold, 5),
        rule('Bigger', { all: [leaf('orderValue', 'greaterThan', 5000), leaf('kind', 'equal', 'pick')] }, { type: 'reject', params: { reason: 'too big' } }, 1),
      ),
      problem: 'error rules.1: "Bigger" is unreachable: every order it matches is decided first by "Big"',
    },
    {
      case: 'a rule shadowed by two earlier ones together',
      input: intake(
        rule('Low', { all: [leaf('orderValue', 'lessThan', 100)] }, hold, 5),
        rule('High', { all: [leaf('orderValue', 'greaterThanInclusive', 100)] }, { type: 'reject', params: { reason: 'x' } }, 4),
        rule('Any value', { all: [leaf('orderValue', 'greaterThan', -1)] }, { type: 'specialist_review', params: { reason: 'x' } }, 1),
      ),
      problem: 'error rules.2: "Any value" is unreachable: every order it matches is decided first by "Low", "High"',
    },
    {
      case: 'overlapping rules of equal priority under first-match',
      input: intake(
        rule('Big', { all: [leaf('orderValue', 'greaterThan', 1000)] }, hold, 5),
        rule('Key accounts', { all: [leaf('accountTier', 'equal', 'key')] }, { type: 'specialist_review', params: { reason: 'key' } }, 5),
      ),
      problem: 'warning rules.1: "Key accounts" and "Big" both match some orders and have the same priority (5), so only their order in the list decides',
    },
  ])('finds $case', ({ input, problem }) => {
    expect(problemsOf(input).some((p) => p.startsWith(problem))).toBe(true);
  });

  it.each([
    {
      case: 'an exception written before its general rule, at the same priority',
      input: intake(
        rule('Big key account', { all: [leaf('orderValue', 'greaterThan', 1000), leaf('accountTier', 'equal', 'key')] }, hold, 5),
        rule('Key accounts', { all: [leaf('accountTier', 'equal', 'key')] }, { type: 'specialist_review', params: { reason: 'key' } }, 5),
      ),
    },
    {
      case: 'overlapping rules whose priorities say which wins',
      input: intake(
        rule('Big', { all: [leaf('orderValue', 'greaterThan', 1000)] }, hold, 5),
        rule('Key accounts', { all: [leaf('accountTier', 'equal', 'key')] }, { type: 'specialist_review', params: { reason: 'key' } }, 1),
      ),
    },
  ])('does not warn of $case', ({ input }) => {
    expect(problemsOf(input)).toEqual([]);
  });

  it.each([...Object.entries(DEFAULT_RULESETS), ['workload-control priority', WORKLOAD_CONTROL_PRIORITY] as const])('finds no problem, not even a warning, in the shipped %s ruleset', (_, ruleset) => {
    expect(problemsOf(ruleset)).toEqual([]);
  });

  describe('rank by', () => {
    const ranked = (rankBy: unknown, over: Record<string, unknown> = defaultPriorityRuleset) => ({ ...over, rankBy });
    it.each([
      { expression: 'plannedReleaseAt', direction: 'ascending', points: 'tie_breaker' },
      { expression: 'plannedReleaseSlackHours - 2 * routingHours', direction: 'ascending', points: 'adjustment' },
      { expression: '(slackHours)', direction: 'descending' },
    ])('accepts $expression', (rankBy) => {
      expect(validateRuleset(ranked(rankBy))).toMatchObject({ valid: true, problems: [] });
    });

    it.each([
      {
        case: 'an unknown fact',
        rankBy: { expression: 'plannedRelease - 1', direction: 'ascending' },
        problem: 'error rankBy.expression: unknown fact "plannedRelease": rank by number facts (slackHours, orderValue, lineCount, ageMinutes, routingLength, routingHours, plannedReleaseSlackHours, firstOperationSlackHours, poolMinutes) or by one date fact alone (dueAt, plannedReleaseAt, firstOperationDueAt)',
      },
      {
        case: 'a fact that is not a number',
        rankBy: { expression: 'statedPriority', direction: 'descending' },
        problem: 'error rankBy.expression: statedPriority is an enum fact, not a number: rank by number facts (slackHours,',
      },
      {
        case: 'a date in arithmetic',
        rankBy: { expression: 'plannedReleaseAt - routingHours', direction: 'ascending' },
        problem: 'error rankBy.expression: plannedReleaseAt is a date: rank by it alone, or compute with number facts (slackHours,',
      },
      {
        case: 'an expression that does not parse',
        rankBy: { expression: 'slackHours * (routingHours', direction: 'ascending' },
        problem: 'error rankBy.expression: "(" at character 14 is never closed',
      },
      {
        case: 'a direction it does not know',
        rankBy: { expression: 'slackHours', direction: 'up' },
        problem: 'error rankBy.direction:',
      },
      {
        case: 'a rank by outside priority',
        rankBy: { expression: 'slackHours', direction: 'ascending' },
        over: intake(rule('A', { all: [leaf('orderValue', 'greaterThan', 5)] }, hold)),
        problem: 'error rankBy: only priority rulesets rank a pool; the intake decision point does not use rankBy',
      },
    ])('finds $case', ({ rankBy, over, problem }) => {
      expect(problemsOf(ranked(rankBy, over))).toEqual([expect.stringMatching(`^${problem.replace(/[()[\]{}.*+?^$|\\]/g, '\\$&')}`)]);
    });
  });

  it('accepts date rules in any zone', () => {
    const input = intake(
      rule('Late December', { all: [leaf('dueAt', 'after', '2026-12-20T00:00:00+01:00'), leaf('dueAt', 'before', '2026-12-31T23:59:59.999Z')] }, hold),
    );
    expect(validateRuleset(input)).toMatchObject({ valid: true, problems: [] });
  });

  it('a missing fact keeps a negated rule reachable', () => {
    const input = intake(
      rule('Verified', { all: [leaf('addressVerified', 'equal', true)] }, { type: 'accept' }, 5),
      rule('Not verified', { not: leaf('addressVerified', 'equal', true) }, { type: 'hold', params: { holdType: 'address', reason: 'unverified' } }, 1),
    );
    expect(validateRuleset(input)).toMatchObject({ valid: true, problems: [] });
  });

  it('lists every problem at once, with paths, and refuses structure errors before the rest', () => {
    const result = validateRuleset(intake(rule('A', { all: [leaf('colour', 'equal', 1), leaf('orderValue', 'greaterThan', 'x')] }, { type: 'nope' })));
    expect(result.valid).toBe(false);
    expect(result.problems.map((p) => p.path)).toEqual(['rules.0.conditions.all.0.fact', 'rules.0.conditions.all.1.value', 'rules.0.event.type']);
    expect(validateRuleset({ decisionPoint: 'intake', rules: [] }).problems.map((p) => p.path)).toEqual(['name', 'hitPolicy', 'rules']);
  });
});
