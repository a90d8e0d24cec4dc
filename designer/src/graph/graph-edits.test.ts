import { describe, expect, it } from 'vitest';
import { DEFAULT_RULESETS } from '../../../rules/defaults/index.ts';
import { graphToRuleset } from './compile-graph.ts';
import { connect } from './connect-nodes.ts';
import { addNode, moveNodes, removeElements, updateHeader, updateNodeData } from './graph-edits.ts';
import { checkGraph } from './graph-problems.ts';
import type { RulesGraph } from './rules-graph-model.ts';
import { rulesetToGraph } from './ruleset-to-graph.ts';

const empty: RulesGraph = { ruleset: { decisionPoint: 'escalation', name: 'Escalation', hitPolicy: 'first' }, nodes: [], edges: [] };
const at = { x: 10, y: 20 };

describe('addNode', () => {
  it.each([
    [{ kind: 'rule' } as const, { name: 'New rule', description: '', priority: 1 }],
    [{ kind: 'group', operator: 'not' } as const, { operator: 'not' }],
    [{ kind: 'condition' } as const, { fact: 'kind', operator: 'equal', value: 'pick' }],
    [{ kind: 'condition', fact: 'ageMinutes' } as const, { fact: 'ageMinutes', operator: 'equal', value: 45 }],
    [{ kind: 'condition', fact: 'state' } as const, { fact: 'state', operator: 'equal', value: 'queued' }],
    [{ kind: 'outcome' } as const, { type: 'deadline', params: { minutes: 1, role: 'ops_manager' } }],
    [{ kind: 'outcome', type: 'none' } as const, { type: 'none', params: {} }],
  ])('adds %o with data from the decision point', (request, data) => {
    const { graph, id } = addNode(empty, request, at);
    expect(graph.nodes).toEqual([{ id, type: request.kind, position: at, data }]);
  });

  it('refuses facts and outcomes the decision point does not have', () => {
    expect(() => addNode(empty, { kind: 'condition', fact: 'orderValue' }, at)).toThrow('orderValue is not a fact of escalation');
    expect(() => addNode(empty, { kind: 'outcome', type: 'score' }, at)).toThrow('score is not an outcome of escalation');
  });

  it('gives each new node a new id, and each new rule a new name', () => {
    const first = addNode(empty, { kind: 'rule' }, at);
    const second = addNode(first.graph, { kind: 'rule' }, at);
    expect([first.id, second.id]).toEqual(['rule-1', 'rule-2']);
    expect(second.graph.nodes.map((n) => n.type === 'rule' && n.data.name)).toEqual(['New rule', 'New rule 2']);
  });
});

describe('building a rule from scratch', () => {
  it('compiles to a rule once it has a condition and an outcome', () => {
    let graph = empty;
    const add = (request: Parameters<typeof addNode>[1]) => {
      const added = addNode(graph, request, at);
      graph = added.graph;
      return added.id;
    };
    const rule = add({ kind: 'rule' });
    const group = add({ kind: 'group', operator: 'any' });
    const a = add({ kind: 'condition', fact: 'state' });
    const b = add({ kind: 'condition', fact: 'slackHours' });
    const outcome = add({ kind: 'outcome', type: 'none' });
    for (const [source, target] of [[rule, group], [group, a], [group, b], [rule, outcome]] as const) {
      const linked = connect(graph, source, target);
      if (!linked.ok) throw new Error(linked.reason);
      graph = linked.graph;
    }
    graph = updateNodeData(graph, rule, 'rule', { name: 'Stuck', description: 'Nothing to do.', priority: 2 });
    expect(graphToRuleset(graph)).toMatchObject({
      problems: [],
      definition: {
        rules: [
          {
            name: 'Stuck',
            priority: 2,
            conditions: { any: [{ fact: 'state', operator: 'equal', value: 'queued' }, { fact: 'slackHours', operator: 'equal', value: 6.5 }] },
            event: { type: 'none', params: {} },
          },
        ],
      },
    });
  });
});

describe('editing', () => {
  const graph = rulesetToGraph(DEFAULT_RULESETS.release);

  it('removes nodes with their links, leaving their children unlinked', () => {
    const next = removeElements(graph, ['rule-0.when']);
    expect(next.nodes.some((n) => n.id === 'rule-0.when')).toBe(false);
    expect(next.edges.some((e) => e.source === 'rule-0.when' || e.target === 'rule-0.when')).toBe(false);
    expect(graphToRuleset(next).problems.map((p) => p.nodeId)).toEqual(['rule-0', 'rule-0.when.0', 'rule-0.when.1']);
  });

  it('removes links alone', () => {
    const next = removeElements(graph, [], ['rule-0->rule-0.then']);
    expect(next.nodes).toBe(graph.nodes);
    expect(next.edges).toHaveLength(graph.edges.length - 1);
  });

  it('only updates data of the matching kind, and keeps unchanged nodes as they were', () => {
    const next = updateNodeData(graph, 'rule-0.when', 'group', { operator: 'any' });
    expect(next.nodes.find((n) => n.id === 'rule-0.when')?.data).toEqual({ operator: 'any' });
    expect(next.nodes.filter((n) => n.id !== 'rule-0.when').every((n, i) => n === graph.nodes.filter((m) => m.id !== 'rule-0.when')[i])).toBe(true);
    expect(updateNodeData(graph, 'rule-0', 'group', { operator: 'any' }).nodes.find((n) => n.id === 'rule-0')).toBe(graph.nodes[0]);
  });

  it('moves nodes', () => {
    const next = moveNodes(graph, new Map([['rule-1', { x: -5, y: -6 }]]));
    expect(next.nodes.find((n) => n.id === 'rule-1')?.position).toEqual({ x: -5, y: -6 });
    expect(graphToRuleset(next).definition).toEqual(DEFAULT_RULESETS.release);
  });

  it('edits the ruleset name and description, dropping an empty description', () => {
    expect(updateHeader(graph, { name: 'Release v2', description: 'Why.' }).ruleset).toMatchObject({ name: 'Release v2', description: 'Why.' });
    expect(updateHeader(graph, { name: 'Release v2', description: '' }).ruleset).not.toHaveProperty('description');
  });

  it('sets a priority ruleset’s rank by, which compiles into the ruleset and is checked live, and takes it away again', () => {
    const priority = rulesetToGraph(DEFAULT_RULESETS.priority);
    const ranked = updateHeader(priority, { rankBy: { expression: 'plannedReleaseSlackHours - 2 * routing', direction: 'ascending', points: 'adjustment' } });
    expect(graphToRuleset(ranked).definition).toEqual({ ...DEFAULT_RULESETS.priority, rankBy: { expression: 'plannedReleaseSlackHours - 2 * routing', direction: 'ascending', points: 'adjustment' } });
    expect(checkGraph(ranked).problems).toEqual([expect.objectContaining({ nodeId: null, path: 'rankBy.expression', message: expect.stringMatching(/^unknown fact "routing"/) })]);
    const unranked = updateHeader(ranked, { rankBy: undefined });
    expect(unranked.ruleset).not.toHaveProperty('rankBy');
    expect(graphToRuleset(unranked).definition).toEqual(DEFAULT_RULESETS.priority);
  });
});
