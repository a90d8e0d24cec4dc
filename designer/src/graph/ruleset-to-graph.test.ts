import { describe, expect, it } from 'vitest';
import { rulesetDefinition } from '../../../domain/ruleset.ts';
import { rulesetToGraph } from './ruleset-to-graph.ts';

const definition = rulesetDefinition.parse({
  decisionPoint: 'priority',
  name: 'Priority',
  hitPolicy: 'additive',
  rules: [
    {
      name: 'Urgent and tight',
      description: 'Urgent orders due soon, unless the account is on the standard tier',
      priority: 2,
      conditions: {
        all: [
          { fact: 'statedPriority', operator: 'equal', value: 'urgent' },
          { any: [{ fact: 'slackHours', operator: 'lessThan', value: 1 }, { not: { fact: 'accountTier', operator: 'equal', value: 'standard' } }] },
        ],
      },
      event: { type: 'score', params: { points: 30 } },
    },
    {
      name: 'On demand',
      description: 'On-demand orders jump the queue a little',
      conditions: { any: [{ fact: 'kind', operator: 'equal', value: 'on_demand' }] },
      event: { type: 'score', params: { points: 10 } },
    },
  ],
});

describe('rulesetToGraph', () => {
  const graph = rulesetToGraph(definition);

  it('makes a node per rule, group, condition and outcome, and keeps the ruleset header', () => {
    expect(graph.nodes.map((n) => [n.id, n.type])).toEqual([
      ['rule-0', 'rule'],
      ['rule-0.when', 'group'],
      ['rule-0.when.0', 'condition'],
      ['rule-0.when.1', 'group'],
      ['rule-0.when.1.0', 'condition'],
      ['rule-0.when.1.1', 'group'],
      ['rule-0.when.1.1.0', 'condition'],
      ['rule-0.then', 'outcome'],
      ['rule-1', 'rule'],
      ['rule-1.when', 'group'],
      ['rule-1.when.0', 'condition'],
      ['rule-1.then', 'outcome'],
    ]);
    expect(graph.nodes.find((n) => n.id === 'rule-0.when.1.1')?.data).toEqual({ operator: 'not' });
    expect(graph.nodes.find((n) => n.id === 'rule-1')?.data).toEqual({ name: 'On demand', description: 'On-demand orders jump the queue a little', priority: 1 });
    expect(graph.ruleset).toEqual({ decisionPoint: 'priority', name: 'Priority', hitPolicy: 'additive' });
  });

  it('links every parent to its children, in order', () => {
    expect(graph.edges.map((e) => e.id)).toEqual([
      'rule-0->rule-0.when',
      'rule-0.when->rule-0.when.0',
      'rule-0.when->rule-0.when.1',
      'rule-0.when.1->rule-0.when.1.0',
      'rule-0.when.1->rule-0.when.1.1',
      'rule-0.when.1.1->rule-0.when.1.1.0',
      'rule-0->rule-0.then',
      'rule-1->rule-1.when',
      'rule-1.when->rule-1.when.0',
      'rule-1->rule-1.then',
    ]);
  });

  it('is deterministic', () => {
    expect(rulesetToGraph(structuredClone(definition))).toEqual(graph);
  });
});
