import { describe, expect, it } from 'vitest';
import { DECISION_POINTS } from '../../../domain/decision-points.ts';
import { DEFAULT_RULESETS } from '../../../rules/defaults/index.ts';
import { layoutForest } from './layout-forest.ts';
import { edgeId, NODE_SIZE, type GraphNode, type RulesGraph } from './rules-graph-model.ts';
import { rulesetToGraph } from './ruleset-to-graph.ts';

const box = (n: GraphNode) => ({ left: n.position.x, top: n.position.y, right: n.position.x + NODE_SIZE[n.type].width, bottom: n.position.y + NODE_SIZE[n.type].height });

function overlaps(graph: RulesGraph): string[] {
  const found: string[] = [];
  graph.nodes.forEach((a, i) => {
    for (const b of graph.nodes.slice(i + 1)) {
      const [p, q] = [box(a), box(b)];
      if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) found.push(`${a.id} overlaps ${b.id}`);
    }
  });
  return found;
}

const stray: GraphNode = { id: 'stray', type: 'condition', position: { x: -500, y: -500 }, data: { fact: 'kind', operator: 'equal', value: 'pick' } };

describe('layoutForest', () => {
  it.each(DECISION_POINTS)('lays the default %s rules out without overlaps, children right of their parent', (dp) => {
    const graph = rulesetToGraph(DEFAULT_RULESETS[dp]);
    expect(overlaps(graph)).toEqual([]);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    for (const edge of graph.edges) expect(box(byId.get(edge.target)!).left, edge.id).toBeGreaterThan(box(byId.get(edge.source)!).right);
  });

  it('places nodes not linked to a rule below the rules', () => {
    const graph = rulesetToGraph(DEFAULT_RULESETS.return);
    const laidOut = layoutForest({ ...graph, nodes: [stray, ...graph.nodes] });
    expect(overlaps(laidOut)).toEqual([]);
    const strayTop = laidOut.nodes.find((n) => n.id === 'stray')!.position.y;
    expect(Math.max(...laidOut.nodes.filter((n) => n.id !== 'stray').map((n) => box(n).bottom))).toBeLessThan(strayTop);
  });

  it('still places every node of a loop, which the canvas never makes but a hand-edited graph might', () => {
    const a: GraphNode = { id: 'a', type: 'group', position: { x: 0, y: 0 }, data: { operator: 'all' } };
    const b: GraphNode = { ...a, id: 'b' };
    const graph: RulesGraph = { ruleset: { decisionPoint: 'return', name: 'Loop', hitPolicy: 'first' }, nodes: [a, b], edges: [{ id: edgeId('a', 'b'), source: 'a', target: 'b' }, { id: edgeId('b', 'a'), source: 'b', target: 'a' }] };
    expect(overlaps(layoutForest(graph))).toEqual([]);
  });
});
