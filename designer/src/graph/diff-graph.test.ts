import { describe, expect, it } from 'vitest';
import type { Rule, RuleCondition, RulesetDefinition } from '../../../domain/ruleset.ts';
import { DEFAULT_RULESETS } from '../../../rules/defaults/index.ts';
import { diffGraph } from './diff-graph.ts';

const tight: RuleCondition = { fact: 'slackHours', operator: 'lessThan', value: 2 };
const urgent: RuleCondition = { fact: 'statedPriority', operator: 'equal', value: 'urgent' };
const big: RuleCondition = { fact: 'orderValue', operator: 'greaterThan', value: 5000 };
const rule = (name: string, conditions: Rule['conditions'], points = 10, extra: Partial<Rule> = {}): Rule => ({
  name,
  description: `${name}.`,
  priority: 1,
  conditions,
  event: { type: 'score', params: { points } },
  ...extra,
});
const ruleset = (...rules: Rule[]): RulesetDefinition => ({ decisionPoint: 'priority', name: 'Priority', hitPolicy: 'additive', rules });
const base = rule('Tight', { all: [tight, urgent] });

describe('diffGraph', () => {
  it.each<[string, Rule, Record<string, string>]>([
    ['nothing changed', base, {}],
    ['a value changed', rule('Tight', { all: [{ ...tight, value: 3 }, urgent] }), { 'rule-0.when.0': 'changed' }],
    ['the group operator changed', rule('Tight', { any: [tight, urgent] }), { 'rule-0.when': 'changed' }],
    ['a branch was added', rule('Tight', { all: [tight, urgent, big] }), { 'rule-0.when.2': 'added' }],
    ['a branch was removed', rule('Tight', { all: [tight] }), { 'rule-0.when': 'changed' }],
    ['a condition became a group', rule('Tight', { all: [{ not: tight }, urgent] }), { 'rule-0.when.0': 'changed', 'rule-0.when.0.0': 'added' }],
    ['the points changed', rule('Tight', { all: [tight, urgent] }, 20), { 'rule-0.then': 'changed' }],
    ['the description changed', { ...base, description: 'Due soon and urgent.' }, { 'rule-0': 'changed' }],
    ['the priority changed', { ...base, priority: 5 }, { 'rule-0': 'changed' }],
  ])('within a rule matched by name: %s', (_, newer, marks) => {
    expect(Object.fromEntries(diffGraph(ruleset(base), ruleset(newer)).marks)).toEqual(marks);
  });

  it('marks every node of an added rule added, and shows a removed rule ghosted after the others', () => {
    const older = ruleset(base, rule('Big', { any: [big] }));
    const newer = ruleset(rule('Urgent', { all: [urgent] }), base);
    const diff = diffGraph(older, newer);
    expect(diff.graph.nodes.filter((n) => n.type === 'rule').map((n) => n.data)).toMatchObject([{ name: 'Urgent' }, { name: 'Tight' }, { name: 'Big' }]);
    expect(Object.fromEntries(diff.marks)).toEqual({
      'rule-0': 'added',
      'rule-0.when': 'added',
      'rule-0.when.0': 'added',
      'rule-0.then': 'added',
      'rule-2': 'removed',
      'rule-2.when': 'removed',
      'rule-2.when.0': 'removed',
      'rule-2.then': 'removed',
    });
    expect(Object.fromEntries(diff.ruleNodes)).toEqual({ Urgent: 'rule-0', Tight: 'rule-1', Big: 'rule-2' });
  });

  it('marks only nodes the canvas has', () => {
    const older = DEFAULT_RULESETS.priority;
    const newer = { ...older, rules: [rule('New', { all: [urgent, { any: [tight, big] }] }), ...older.rules.slice(1)] };
    const diff = diffGraph(older, newer);
    const ids = new Set(diff.graph.nodes.map((n) => n.id));
    for (const id of diff.marks.keys()) expect(ids.has(id), id).toBe(true);
    expect(diff.marks.get('rule-0.when.1.1')).toBe('added');
    expect(diff.marks.get(`rule-${newer.rules.length}`)).toBe('removed');
  });
});
