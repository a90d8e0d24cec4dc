import { describe, expect, it } from 'vitest';
import type { ConditionLeaf } from '../domain/decision.ts';
import { rulesetDefinition } from '../domain/ruleset.ts';
import { defaultPriorityRuleset } from './defaults/index.ts';
import { evaluateWithEngine } from './reference-engine.ts';
import { priorityFacts } from './priority-facts.ts';

const now = new Date('2026-11-21T08:00:00Z');
const order = (over: Partial<Parameters<typeof priorityFacts>[0]> = {}) =>
  priorityFacts(
    {
      kind: 'pick',
      statedPriority: 'normal',
      dueAt: new Date('2026-11-22T08:00:00Z'),
      createdAt: new Date('2026-11-21T07:30:00Z'),
      lines: [{ qty: 2, price: 10 }],
      ...over,
    },
    now,
  );

describe('priority facts', () => {
  it('computes slack, value and age at the moment of the decision', () => {
    expect(order({ dueAt: new Date('2026-11-21T10:30:00Z'), lines: [{ qty: 3, price: 12.5 }, { qty: 1, price: 5 }] })).toEqual({
      kind: 'pick',
      statedPriority: 'normal',
      slackHours: 2.5,
      dueAt: '2026-11-21T10:30:00.000Z',
      orderValue: 42.5,
      lineCount: 2,
      ageMinutes: 30,
    });
  });
});

describe('a rule on a date fact', () => {
  const christmas = rulesetDefinition.parse({
    decisionPoint: 'priority',
    name: 'Christmas rush',
    hitPolicy: 'additive',
    rules: [
      {
        name: 'Due before Christmas',
        description: 'Orders due before Christmas go first.',
        priority: 1,
        conditions: { all: [{ fact: 'dueAt', operator: 'before', value: '2026-12-25T00:00:00+01:00' }] },
        event: { type: 'score', params: { points: 20 } },
      },
    ],
  });

  it.each([
    { dueAt: '2026-12-24T22:59:59Z', score: 20 },
    { dueAt: '2026-12-24T23:00:00Z', score: 0 },
    { dueAt: '2027-01-04T09:00:00Z', score: 0 },
  ])('due $dueAt → $score', async ({ dueAt, score }) => {
    const outcome = await evaluateWithEngine(christmas, order({ dueAt: new Date(dueAt) }));
    expect(outcome.outcome.score).toBe(score);
  });

  it('counts as false when the fact is missing', async () => {
    const { dueAt: _, ...withoutDue } = order();
    expect((await evaluateWithEngine(christmas, withoutDue)).outcome.score).toBe(0);
  });
});

describe('default priority ruleset', () => {
  it.each([
    { case: 'plenty of slack, normal', facts: order(), score: 0, fired: [] },
    { case: 'due in 2 hours', facts: order({ dueAt: new Date('2026-11-21T10:00:00Z') }), score: 30, fired: ['Due within 4 hours'] },
    { case: 'overdue', facts: order({ dueAt: new Date('2026-11-21T07:00:00Z') }), score: 50, fired: ['Overdue'] },
    { case: 'stated urgent only', facts: order({ statedPriority: 'urgent' }), score: 10, fired: ['Stated urgent or high'] },
    { case: 'high value', facts: order({ lines: [{ qty: 100, price: 60 }] }), score: 15, fired: ['High-value order'] },
    { case: 'low with two days slack', facts: order({ statedPriority: 'low', dueAt: new Date('2026-11-23T08:00:00Z') }), score: -10, fired: ['Low stated priority with slack'] },
    {
      case: 'urgent, high value, due soon',
      facts: order({ statedPriority: 'urgent', dueAt: new Date('2026-11-21T09:00:00Z'), lines: [{ qty: 1, price: 9000 }] }),
      score: 55,
      fired: ['Due within 4 hours', 'Stated urgent or high', 'High-value order'],
    },
  ])('$case → $score', async ({ facts, score, fired }) => {
    const outcome = await evaluateWithEngine(defaultPriorityRuleset, facts);
    expect(outcome.outcome.score).toBe(score);
    expect(outcome.rules.filter((r) => r.fired).map((r) => r.name)).toEqual(fired);
    expect(outcome.rules).toHaveLength(defaultPriorityRuleset.rules.length);
  });

  it('explains every condition with the fact value, operator, expected value and result', async () => {
    const outcome = await evaluateWithEngine(defaultPriorityRuleset, order({ dueAt: new Date('2026-11-21T10:00:00Z') }));
    const due = outcome.rules.find((r) => r.name === 'Due within 4 hours');
    expect(due?.conditions).toEqual({
      kind: 'all',
      result: true,
      children: [
        { kind: 'condition', fact: 'slackHours', operator: 'greaterThanInclusive', expected: 0, expectedFact: null, actual: 2, missing: false, result: true },
        { kind: 'condition', fact: 'slackHours', operator: 'lessThan', expected: 4, expectedFact: null, actual: 2, missing: false, result: true },
      ],
    });
    expect(due?.sentence).toBe('Due within 4 hours: +30 because slackHours 2 is at least 0 and slackHours 2 is less than 4.');
    const overdue = outcome.rules.find((r) => r.name === 'Overdue');
    expect(overdue?.sentence).toBe('Overdue: no points, because slackHours 2 is not less than 0.');
  });

  it('shows a missing fact as missing and counts its condition as false', async () => {
    const { orderValue, ...facts } = order({ lines: [{ qty: 100, price: 60 }] });
    expect(orderValue).toBe(6000);
    const outcome = await evaluateWithEngine(defaultPriorityRuleset, facts);
    const highValue = outcome.rules.find((r) => r.name === 'High-value order');
    const leaf = highValue?.conditions.kind === 'all' ? (highValue.conditions.children[0] as ConditionLeaf) : undefined;
    expect(leaf).toMatchObject({ fact: 'orderValue', missing: true, actual: null, result: false });
    expect(highValue?.fired).toBe(false);
    expect(highValue?.sentence).toContain('orderValue is missing (so the condition is false)');
  });
});

describe('missing facts', () => {
  const definition = rulesetDefinition.parse({
    decisionPoint: 'intake',
    name: 'Missing facts',
    hitPolicy: 'first',
    rules: ['equal', 'notEqual', 'in', 'notIn', 'lessThan', 'greaterThanInclusive'].map((operator, i) => ({
      name: `r${i}`,
      description: operator,
      conditions: { all: [{ fact: 'kind', operator, value: operator.endsWith('In') ? ['pick'] : operator.startsWith('less') || operator.startsWith('greater') ? 5 : 'pick' }] },
      event: { type: 'accept', params: {} },
    })),
  });

  it('make every condition false, whatever the operator', async () => {
    const { rules, outcome } = await evaluateWithEngine(definition, {});
    expect(rules.map((r) => r.fired)).toEqual([false, false, false, false, false, false]);
    expect(outcome.chosen).toEqual({ rule: null, type: 'accept', params: {} });
  });

  it('a comparison with a missing fact on the right is false too', async () => {
    const compare = rulesetDefinition.parse({
      decisionPoint: 'intake',
      name: 'Fact against fact',
      hitPolicy: 'first',
      rules: ['notEqual', 'greaterThan'].map((operator, i) => ({
        name: `r${i}`,
        description: operator,
        conditions: { all: [{ fact: 'creditBalance', operator, value: { fact: 'creditLimit' } }] },
        event: { type: 'hold', params: { holdType: 'credit', reason: 'over limit' } },
      })),
    });
    const { rules } = await evaluateWithEngine(compare, { creditBalance: 12_400 });
    expect(rules.map((r) => r.fired)).toEqual([false, false]);
    expect(rules[1]?.sentence).toBe('r1: does not apply, because creditLimit is missing (so the condition is false).');
    const over = await evaluateWithEngine(compare, { creditBalance: 12_400, creditLimit: 10_000 });
    expect(over.rules.map((r) => r.sentence)).toEqual([
      'r0: hold (holdType "credit", reason "over limit") because creditBalance 12400 is not creditLimit 10000.',
      'r1: holds (creditBalance 12400 is more than creditLimit 10000), but "r0" decided first.',
    ]);
  });
});
