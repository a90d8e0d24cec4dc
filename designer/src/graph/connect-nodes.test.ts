import { describe, expect, it } from 'vitest';
import { checkConnection, connect, parentFor } from './connect-nodes.ts';
import { edgeId, type GraphEdge, type GraphNode, type RulesGraph } from './rules-graph-model.ts';

const node = (id: string, type: GraphNode['type'], data: GraphNode['data']) => ({ id, type, position: { x: 0, y: 0 }, data }) as GraphNode;
const link = (source: string, target: string): GraphEdge => ({ id: edgeId(source, target), source, target });

/** An intake graph: rule r (when g: ALL of c1, then o), a NOT group n with c2 under it, and loose nodes to link. */
const graph: RulesGraph = {
  ruleset: { decisionPoint: 'intake', name: 'Test', hitPolicy: 'first' },
  nodes: [
    node('r', 'rule', { name: 'R', description: 'R.', priority: 1 }),
    node('g', 'group', { operator: 'all' }),
    node('c1', 'condition', { fact: 'orderValue', operator: 'greaterThan', value: 100 }),
    node('o', 'outcome', { type: 'accept', params: {} }),
    node('n', 'group', { operator: 'not' }),
    node('c2', 'condition', { fact: 'inventoryShort', operator: 'equal', value: true }),
    node('loose-rule', 'rule', { name: 'L', description: 'L.', priority: 1 }),
    node('loose-group', 'group', { operator: 'any' }),
    node('loose-cond', 'condition', { fact: 'accountTier', operator: 'in', value: ['key', 'major'] }),
    node('loose-outcome', 'outcome', { type: 'reject', params: { reason: 'no' } }),
    node('fact-ref', 'condition', { fact: 'creditBalance', operator: 'greaterThan', value: { fact: 'creditLimit' } }),
    node('bad-operator', 'condition', { fact: 'accountTier', operator: 'lessThan', value: 'key' }),
    node('bad-value', 'condition', { fact: 'orderValue', operator: 'equal', value: 'lots' }),
    node('bad-ref', 'condition', { fact: 'orderValue', operator: 'equal', value: { fact: 'accountTier' } }),
    node('unknown-fact', 'condition', { fact: 'colour', operator: 'equal', value: 'red' }),
    node('bad-outcome', 'outcome', { type: 'score', params: { points: 1 } }),
  ],
  edges: [link('r', 'g'), link('g', 'c1'), link('r', 'o'), link('n', 'c2')],
};

describe('checkConnection', () => {
  it.each([
    ['a rule to its conditions', 'loose-rule', 'loose-group'],
    ['a rule to a lone condition', 'loose-rule', 'loose-cond'],
    ['a rule to its outcome', 'loose-rule', 'loose-outcome'],
    ['a group to a condition', 'g', 'loose-cond'],
    ['a group to a group', 'g', 'loose-group'],
    ['a group to a NOT group', 'loose-group', 'n'],
    ['a condition comparing two facts of one type', 'g', 'fact-ref'],
  ])('allows %s', (_, source, target) => {
    expect(checkConnection(graph, source, target)).toEqual({ ok: true });
  });

  it.each([
    ['a node to itself', 'g', 'g', 'a node cannot be linked to itself'],
    ['from a condition', 'c1', 'loose-group', 'a condition is an end point: links go from a rule or group to it'],
    ['from an outcome', 'o', 'loose-cond', 'an outcome is an end point: links go from a rule or group to it'],
    ['into a rule', 'g', 'loose-rule', 'a group cannot lead to a rule'],
    ['a group to an outcome', 'g', 'loose-outcome', 'a group cannot lead to an outcome'],
    ['a second parent', 'loose-group', 'c1', 'it is already linked from a group: remove that link first'],
    ['a second outcome', 'r', 'loose-outcome', 'this rule already has an outcome'],
    ['a second "when"', 'r', 'loose-cond', 'this rule already checks a condition or group: link several under an ALL or ANY group'],
    ['a second branch of NOT', 'n', 'loose-cond', 'a NOT group takes one branch'],
    ['an operator that does not fit the fact', 'g', 'bad-operator', 'the condition does not fit: "lessThan" does not fit accountTier'],
    ['a value that does not fit the fact', 'g', 'bad-value', 'the condition does not fit: "lots" is not a number'],
    ['a fact of another type', 'g', 'bad-ref', 'the condition does not fit: orderValue cannot be compared with accountTier'],
    ['a fact the decision point does not offer', 'g', 'unknown-fact', 'the condition does not fit: unknown fact "colour"'],
    ['an outcome the decision point does not accept', 'loose-rule', 'bad-outcome', '"score" is not an outcome of intake'],
    ['a node that is gone', 'g', 'nowhere', 'that node no longer exists'],
  ])('refuses %s', (_, source, target, reason) => {
    const verdict = checkConnection(graph, source, target);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason.startsWith(reason), verdict.reason).toBe(true);
  });

  it('refuses a link that would close a loop', () => {
    // loose-group → n is allowed; then n → loose-group would make a loop, and is refused before its NOT check.
    const linked = connect(graph, 'loose-group', 'n');
    expect(linked.ok).toBe(true);
    const { graph: next } = linked as { graph: RulesGraph };
    const loop = { ...next, edges: next.edges.filter((e) => e.target !== 'c2') };
    expect(checkConnection(loop, 'n', 'loose-group')).toEqual({ ok: false, reason: 'this link would make a loop' });
  });
});

describe('connect', () => {
  it('adds the link as the last branch', () => {
    const result = connect(graph, 'g', 'loose-cond');
    expect(result.ok && result.graph.edges.at(-1)).toEqual(link('g', 'loose-cond'));
  });

  it('leaves the graph alone when the link is refused', () => {
    expect(connect(graph, 'o', 'g')).toEqual({ ok: false, reason: expect.any(String) });
  });
});

describe('parentFor', () => {
  const withNew = (kind: 'outcome' | 'condition' | 'group') => {
    const data = kind === 'outcome' ? { type: 'accept', params: {} } : kind === 'condition' ? { fact: 'orderValue', operator: 'equal', value: 1 } : { operator: 'all' };
    return { ...graph, nodes: [...graph.nodes, node('new', kind, data as GraphNode['data'])] };
  };
  it.each([
    ['the selected group, for a condition', 'g', 'condition', 'g'],
    ["a condition's group, for another condition", 'c1', 'condition', 'g'],
    ['a rule without an outcome, for an outcome', 'loose-rule', 'outcome', 'loose-rule'],
    ["a condition's rule is taken: nothing, for an outcome", 'c1', 'outcome', null],
    ['nothing under a full NOT group, and it has no parent', 'c2', 'condition', null],
  ] as const)('%s', (_, from, kind, parent) => {
    expect(parentFor(withNew(kind), from, 'new')).toBe(parent);
  });
});
