import { describe, expect, it } from 'vitest';
import { DECISION_POINTS } from '../../../domain/decision-points.ts';
import { rulesetDefinition, type RulesetDefinition } from '../../../domain/ruleset.ts';
import { DEFAULT_RULESETS } from '../../../rules/defaults/index.ts';
import { validateRuleset } from '../../../rules/validate-ruleset.ts';
import { graphToRuleset } from './compile-graph.ts';
import { edgeId, type GraphEdge, type GraphNode, type RulesGraph } from './rules-graph-model.ts';
import { rulesetToGraph } from './ruleset-to-graph.ts';

/** Follows a JSON path (`rules.0.conditions.all.1`) into a value. */
const at = (value: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);

describe.each(DECISION_POINTS)('the default %s ruleset', (dp) => {
  const definition = DEFAULT_RULESETS[dp];
  const compiled = graphToRuleset(rulesetToGraph(definition));

  it('survives JSON → graph → JSON unchanged', () => {
    expect(compiled.problems).toEqual([]);
    expect(compiled.definition).toEqual(definition);
    expect(JSON.parse(JSON.stringify(compiled.definition))).toEqual(JSON.parse(JSON.stringify(definition)));
  });

  it('compiles to a ruleset the validator accepts', () => {
    const errors = validateRuleset(compiled.definition).problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('knows which node each part of the JSON came from', () => {
    const graph = rulesetToGraph(definition);
    const ids = new Set(graph.nodes.map((n) => n.id));
    for (const [path, id] of compiled.nodeAtPath) {
      expect(ids.has(id), path).toBe(true);
      expect(at(compiled.definition, path), path).toBeDefined();
    }
    expect(new Set(compiled.nodeAtPath.values())).toEqual(ids);
  });
});

const HEADER = { decisionPoint: 'intake', name: 'Test', hitPolicy: 'first' } as const;
const node = (id: string, type: GraphNode['type'], data: GraphNode['data']) => ({ id, type, position: { x: 0, y: 0 }, data }) as GraphNode;
const rule = (id: string, name = id) => node(id, 'rule', { name, description: `${name}.`, priority: 1 });
const group = (id: string, operator: 'all' | 'any' | 'not') => node(id, 'group', { operator });
const cond = (id: string, value: unknown = true) => node(id, 'condition', { fact: 'addressVerified', operator: 'equal', value });
const accept = (id: string) => node(id, 'outcome', { type: 'accept', params: {} });
const link = (source: string, target: string): GraphEdge => ({ id: edgeId(source, target), source, target });
const graphOf = (nodes: GraphNode[], edges: GraphEdge[]): RulesGraph => ({ ruleset: HEADER, nodes, edges });

describe('graphToRuleset', () => {
  it('wraps a lone condition under a rule in ALL, as the engine wants a group at the top', () => {
    const compiled = graphToRuleset(graphOf([rule('r'), cond('c'), accept('o')], [link('r', 'c'), link('r', 'o')]));
    expect(compiled.problems).toEqual([]);
    expect(compiled.definition.rules[0]!.conditions).toEqual({ all: [{ fact: 'addressVerified', operator: 'equal', value: true }] });
    expect(compiled.nodeAtPath.get('rules.0.conditions')).toBe('r');
    expect(compiled.nodeAtPath.get('rules.0.conditions.all.0')).toBe('c');
    expect(rulesetDefinition.safeParse(compiled.definition).success).toBe(true);
  });

  it('orders rules as their nodes and branches as their links', () => {
    const nodes = [rule('second', 'B'), rule('first', 'A'), group('g', 'any'), cond('c1', true), cond('c2', false), cond('c3', true), accept('o1'), accept('o2')];
    const edges = [link('first', 'c3'), link('first', 'o2'), link('second', 'g'), link('g', 'c2'), link('g', 'c1'), link('second', 'o1')];
    const { definition, problems } = graphToRuleset(graphOf(nodes, edges));
    expect(problems).toEqual([]);
    expect(definition.rules.map((r) => r.name)).toEqual(['B', 'A']);
    expect(definition.rules[0]!.conditions).toEqual({ any: [expect.objectContaining({ value: false }), expect.objectContaining({ value: true })] });
  });

  it.each([
    { case: 'a rule without conditions', nodes: [rule('r'), accept('o')], edges: [link('r', 'o')], problems: [['r', 'link a condition or group: the rule checks nothing yet']] },
    { case: 'a rule without an outcome', nodes: [rule('r'), cond('c')], edges: [link('r', 'c')], problems: [['r', 'link an outcome: the rule decides nothing yet']] },
    {
      case: 'an empty ALL group',
      nodes: [rule('r'), group('g', 'all'), accept('o')],
      edges: [link('r', 'g'), link('r', 'o')],
      problems: [['g', 'an ALL group needs at least one branch: link a condition or group to it']],
    },
    {
      case: 'a NOT group with two branches',
      nodes: [rule('r'), group('g', 'not'), cond('a'), cond('b'), accept('o')],
      edges: [link('r', 'g'), link('g', 'a'), link('g', 'b'), link('r', 'o')],
      problems: [['g', 'a NOT group takes exactly one branch; it has 2']],
    },
    {
      case: 'a condition linked to nothing',
      nodes: [rule('r'), cond('c'), accept('o'), cond('stray')],
      edges: [link('r', 'c'), link('r', 'o')],
      problems: [['stray', 'a condition not linked to any rule has no effect, and is left out when saved']],
      rules: 1,
    },
    {
      case: 'an outcome as a branch of a group',
      nodes: [rule('r'), group('g', 'all'), accept('wrong'), accept('o')],
      edges: [link('r', 'g'), link('g', 'wrong'), link('r', 'o')],
      problems: [['wrong', 'an outcome cannot be a branch of a group; link it from a rule']],
    },
    {
      case: 'a condition shared by two rules',
      nodes: [rule('a'), rule('b'), cond('c'), accept('o1'), accept('o2')],
      edges: [link('a', 'c'), link('a', 'o1'), link('b', 'c'), link('b', 'o2')],
      problems: [['c', 'this node is linked from more than one place; remove the extra link']],
      rules: 1,
    },
  ])('reports $case on the node, and leaves the broken rule out', ({ nodes, edges, problems, rules = 0 }) => {
    const compiled = graphToRuleset(graphOf(nodes, edges));
    expect(compiled.problems.map((p) => [p.nodeId, p.message])).toEqual(problems);
    expect(compiled.definition.rules).toHaveLength(rules);
  });
});

/** `count` rules of an ALL group of three conditions, and an outcome: 6 nodes per rule; no two rules overlap. */
function generatedRuleset(count: number): RulesetDefinition {
  return rulesetDefinition.parse({
    decisionPoint: 'release',
    name: 'Generated',
    hitPolicy: 'first',
    rules: Array.from({ length: count }, (_, i) => ({
      name: `Rule ${i}`,
      description: `Generated rule ${i}.`,
      priority: count - i,
      conditions: {
        all: [
          { fact: 'areaQueueLength', operator: 'greaterThanInclusive', value: i * 10 },
          { fact: 'areaQueueLength', operator: 'lessThan', value: (i + 1) * 10 },
          { fact: 'kind', operator: 'in', value: ['pick', 'delivery'] },
        ],
      },
      event: { type: 'wait', params: { reason: `reason ${i}` } },
    })),
  });
}

describe('a 300-node ruleset', () => {
  it('opens, lays out and compiles', () => {
    const definition = generatedRuleset(50);
    const started = performance.now();
    const graph = rulesetToGraph(definition);
    const laidOut = performance.now();
    const compiled = graphToRuleset(graph);
    const done = performance.now();
    const validated = validateRuleset(compiled.definition);
    const checked = performance.now();
    console.log(
      `${graph.nodes.length} nodes: graph and layout ${(laidOut - started).toFixed(1)} ms, compile ${(done - laidOut).toFixed(1)} ms, validate ${(checked - done).toFixed(1)} ms`,
    );
    expect(graph.nodes).toHaveLength(300);
    expect(compiled.definition).toEqual(definition);
    expect(validated.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
