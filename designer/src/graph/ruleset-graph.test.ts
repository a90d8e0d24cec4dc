import { describe, expect, it } from 'vitest';
import { rulesetDefinition, type RulesetDefinition } from '../../../domain/ruleset.ts';
import { rulesetToGraph } from './ruleset-graph.ts';

const definition: RulesetDefinition = rulesetDefinition.parse({
  decisionPoint: 'priority',
  name: 'Default priority',
  hitPolicy: 'additive',
  rules: [
    {
      name: 'Urgent and tight',
      description: 'Urgent orders due soon, unless the account is on the standard tier',
      priority: 2,
      conditions: {
        all: [
          { fact: 'statedPriority', operator: 'equal', value: 'urgent' },
          {
            any: [
              { fact: 'dueSlackMinutes', operator: 'lessThan', value: 60 },
              { not: { fact: 'tier', operator: 'equal', value: 'standard' } },
            ],
          },
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

  it('makes a node per rule, group, condition and outcome', () => {
    expect(graph.nodes.map((node) => [node.id, node.type])).toEqual([
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
    expect(graph.nodes.find((node) => node.id === 'rule-0.when.1.1')?.data).toEqual({ operator: 'not', childCount: 1 });
    expect(graph.nodes.find((node) => node.id === 'rule-0.then')?.data).toEqual({ type: 'score', params: { points: 30 } });
    expect(graph.nodes.find((node) => node.id === 'rule-1')?.data).toEqual({
      name: 'On demand',
      description: 'On-demand orders jump the queue a little',
      priority: 1,
    });
  });

  it('links every parent to its children, labelling the when and then branches', () => {
    expect(graph.edges).toHaveLength(graph.nodes.length - definition.rules.length);
    expect(graph.edges.map((edge) => edge.id)).toEqual([
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
    expect(graph.edges.filter((edge) => edge.label).map((edge) => [edge.target, edge.label])).toEqual([
      ['rule-0.when', 'when'],
      ['rule-0.then', 'then'],
      ['rule-1.when', 'when'],
      ['rule-1.then', 'then'],
    ]);
  });

  it('only draws edges between existing nodes', () => {
    const ids = new Set(graph.nodes.map((node) => node.id));
    expect(ids.size).toBe(graph.nodes.length);
    for (const edge of graph.edges) {
      expect(ids.has(edge.source), edge.id).toBe(true);
      expect(ids.has(edge.target), edge.id).toBe(true);
    }
  });

  it('places no two nodes on top of each other', () => {
    const boxes = graph.nodes.map((node) => ({
      id: node.id,
      left: node.position.x,
      top: node.position.y,
      right: node.position.x + (node.width ?? 0),
      bottom: node.position.y + (node.height ?? 0),
    }));
    for (const [index, a] of boxes.entries()) {
      expect(a.right - a.left, a.id).toBeGreaterThan(0);
      expect(a.bottom - a.top, a.id).toBeGreaterThan(0);
      for (const b of boxes.slice(index + 1)) {
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
  });

  it('lays out children to the right of their parent', () => {
    const byId = new Map(graph.nodes.map((node) => [node.id, node]));
    for (const edge of graph.edges) {
      const source = byId.get(edge.source);
      const target = byId.get(edge.target);
      expect(target!.position.x, edge.id).toBeGreaterThan(source!.position.x + (source!.width ?? 0));
    }
  });

  it('is deterministic', () => {
    expect(rulesetToGraph(structuredClone(definition))).toEqual(graph);
  });
});
