import { DECISION_POINT_SPECS } from '../../../domain/decision-points.ts';
import { newCondition, factSpec } from './condition-fit.ts';
import { newOutcome, outcomeSpec } from './outcome-params.ts';
import { freshId, type GraphNode, type NodeDataByKind, type NodeKind, type RulesGraph, type RulesetHeader, type XY } from './rules-graph-model.ts';

export const ruleNames = (graph: RulesGraph) => new Set(graph.nodes.flatMap((n) => (n.type === 'rule' ? [n.data.name] : [])));

/** `New rule`, `New rule 2`…: rule names must be unique in a ruleset, so a new one starts unique. */
export function unusedRuleName(names: ReadonlySet<string>, base: string): string {
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) if (!names.has(`${base} ${i}`)) return `${base} ${i}`;
}

export type NewNode =
  | { kind: 'rule' }
  | { kind: 'group'; operator?: NodeDataByKind['group']['operator'] }
  | { kind: 'condition'; fact?: string }
  | { kind: 'outcome'; type?: string };

/** What a node added from the palette starts with: only facts and outcomes of the graph's decision point. */
export function newNodeData(graph: RulesGraph, request: NewNode): NodeDataByKind[NodeKind] {
  const dp = DECISION_POINT_SPECS[graph.ruleset.decisionPoint];
  switch (request.kind) {
    case 'rule':
      return { name: unusedRuleName(ruleNames(graph), 'New rule'), description: '', priority: 1 };
    case 'group':
      return { operator: request.operator ?? 'all' };
    case 'condition': {
      const spec = request.fact === undefined ? dp.facts[0] : factSpec(dp.id, request.fact);
      if (!spec) throw new Error(`${request.fact} is not a fact of ${dp.id}`);
      return newCondition(spec);
    }
    case 'outcome': {
      const spec = request.type === undefined ? dp.outcomes[0] : outcomeSpec(dp.id, request.type);
      if (!spec) throw new Error(`${request.type} is not an outcome of ${dp.id}`);
      return newOutcome(spec);
    }
  }
}

export function addNode(graph: RulesGraph, request: NewNode, position: XY): { graph: RulesGraph; id: string } {
  const id = freshId(new Set(graph.nodes.map((n) => n.id)), request.kind);
  const node = { id, type: request.kind, position, data: newNodeData(graph, request) } as GraphNode;
  return { graph: { ...graph, nodes: [...graph.nodes, node] }, id };
}

/** Removes nodes with their links, and links. Children of a removed node stay, unlinked, for the person to re-link or remove. */
export function removeElements(graph: RulesGraph, nodeIds: Iterable<string>, edgeIds: Iterable<string> = []): RulesGraph {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  if (nodes.size === 0 && edges.size === 0) return graph;
  return {
    ...graph,
    nodes: nodes.size === 0 ? graph.nodes : graph.nodes.filter((n) => !nodes.has(n.id)),
    edges: graph.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
  };
}

/** Replaces a node's data; the node keeps its kind, so the data must be of that kind. */
export function updateNodeData<K extends NodeKind>(graph: RulesGraph, id: string, kind: K, data: NodeDataByKind[K]): RulesGraph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === id && n.type === kind ? ({ ...n, data } as GraphNode) : n)) };
}

export function moveNodes(graph: RulesGraph, positions: ReadonlyMap<string, XY>): RulesGraph {
  if (positions.size === 0) return graph;
  return { ...graph, nodes: graph.nodes.map((n) => (positions.has(n.id) ? { ...n, position: positions.get(n.id)! } : n)) };
}

/** The ruleset's own name, description and rank by (none: the key is left out); its decision point and hit policy are fixed. */
export function updateHeader(graph: RulesGraph, header: Partial<Pick<RulesetHeader, 'name' | 'description' | 'rankBy'>>): RulesGraph {
  const { description, rankBy, ...rest } = { ...graph.ruleset, ...header };
  return { ...graph, ruleset: { ...rest, ...(description === undefined || description === '' ? {} : { description }), ...(rankBy ? { rankBy } : {}) } };
}
