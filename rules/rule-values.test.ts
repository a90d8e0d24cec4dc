import { describe, expect, it } from 'vitest';
import type { Rule } from '../domain/ruleset.ts';
import { defaultPriorityRuleset } from './defaults/index.ts';
import { conditionText, ruleValueChanges } from './rule-values.ts';

describe('ruleValueChanges', () => {
  const overdue = defaultPriorityRuleset.rules.find((r) => r.name === 'Overdue')!;
  const edit = (change: (r: Rule) => void) => {
    const copy = structuredClone(overdue);
    change(copy);
    return copy;
  };

  it.each([
    { case: 'no change', after: overdue, expected: [] },
    { case: 'points', after: edit((r) => (r.event.params.points = 60)), expected: [{ field: 'points', before: '50', after: '60' }] },
    {
      case: 'a condition and the priority',
      after: edit((r) => {
        r.conditions = { all: [{ fact: 'slackHours', operator: 'lessThan', value: -2 }] };
        r.priority = 7;
      }),
      expected: [
        { field: 'conditions', before: conditionText(overdue.conditions), after: 'slackHours is less than -2' },
        { field: 'priority', before: String(overdue.priority), after: '7' },
      ],
    },
    {
      case: 'another outcome with its parameters',
      after: edit((r) => (r.event = { type: 'hold', params: { holdType: 'credit' } })),
      expected: [
        { field: 'outcome', before: 'score', after: 'hold' },
        { field: 'points', before: '50', after: '—' },
        { field: 'holdType', before: '—', after: '"credit"' },
      ],
    },
  ])('$case', ({ after, expected }) => {
    expect(ruleValueChanges(overdue, after)).toEqual(expected);
  });

  it('writes nested groups, negations and fact-to-fact comparisons as they read', () => {
    expect(
      conditionText({
        all: [
          { fact: 'creditBalance', operator: 'greaterThan', value: { fact: 'creditLimit' } },
          { any: [{ fact: 'accountTier', operator: 'equal', value: 'gold' }, { not: { fact: 'kind', operator: 'in', value: ['pick', 'production'] } }] },
        ],
      }),
    ).toBe('creditBalance is more than creditLimit and (accountTier is "gold" or not (kind is one of "pick", "production"))');
  });
});
