import { describe, expect, it } from 'vitest';
import { rulesetDefinition } from '../../../domain/ruleset.ts';
import { layoutForest } from './layout-forest.ts';
import { NODE_SIZE, type RulesGraph } from './rules-graph-model.ts';
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

function expectNoOverlaps(graph: RulesGraph) {
  const boxes = graph.nodes.map((n) => ({ id: n.id, left: n.position.x, top: n.position.y, right: n.position.x + NODE_SIZE[n.type].width, bottom: n.position.y + NODE_SIZE[n.type].height }));
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
    }
  }
}

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

  it('places no two nodes on top of each other, children right of their parent', () => {
    expectNoOverlaps(graph);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    for (const edge of graph.edges) {
      const source = byId.get(edge.source)!;
      expect(byId.get(edge.target)!.position.x, edge.id).toBeGreaterThan(source.position.x + NODE_SIZE[source.type].width);
    }
  });

  it('is deterministic', () => {
    expect(rulesetToGraph(structuredClone(definition))).toEqual(graph);
  });
});

describe('layoutForest', () => {
  it('also places nodes not linked to a rule, below the rules', () => {
    const stray = { id: 'stray', type: 'condition', position: { x: -500, y: -500 }, data: { fact: 'kind', operator: 'equal', value: 'pick' } } as const;
    const graph = rulesetToGraph(definition);
    const laidOut = layoutForest({ ...graph, nodes: [stray, ...graph.nodes] });
    expectNoOverlaps(laidOut);
    const strayY = laidOut.nodes.find((n) => n.id === 'stray')!.position.y;
    expect(Math.max(...laidOut.nodes.filter((n) => n.id !== 'stray').map((n) => n.position.y))).toBeLessThan(strayY);
  });
});
