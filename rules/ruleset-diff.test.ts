import { describe, expect, it } from 'vitest';
import type { RulesetDefinition } from '../domain/ruleset.ts';
import { defaultPriorityRuleset } from './defaults/index.ts';
import { diffRulesets } from './ruleset-diff.ts';

describe('diffRulesets', () => {
  const base = defaultPriorityRuleset;
  const edit = (change: (d: RulesetDefinition) => void) => {
    const copy = structuredClone(base);
    change(copy);
    return copy;
  };

  it.each([
    { case: 'no change', to: base, expected: { fields: [], rules: [] } },
    { case: 'a renamed ruleset', to: edit((d) => (d.name = 'New name')), expected: { fields: ['name'], rules: [] } },
    { case: 'a rank by added', to: edit((d) => (d.rankBy = { expression: 'plannedReleaseAt', direction: 'ascending', points: 'tie_breaker' })), expected: { fields: ['rankBy'], rules: [] } },
    {
      case: 'changed points and description',
      to: edit((d) => {
        d.rules[0]!.event.params.points = 60;
        d.rules[0]!.description = 'Later than promised.';
      }),
      expected: { fields: [], rules: [{ kind: 'changed', rule: 'Overdue', fields: ['description', 'event'] }] },
    },
    {
      case: 'an added and a removed rule',
      to: edit((d) => {
        d.rules.splice(1, 1);
        d.rules.push({ ...structuredClone(d.rules[0]!), name: 'Brand new' });
      }),
      expected: { fields: [], rules: [{ kind: 'added', rule: 'Brand new' }, { kind: 'removed', rule: 'Due within 4 hours' }] },
    },
  ])('$case', ({ to, expected }) => {
    expect(diffRulesets(base, to)).toEqual(expected);
  });
});
