import type { Rule, RuleCondition, RulesetDefinition } from '../../../domain/ruleset.ts';

/** A leaf of a rule's condition tree; `value` is a literal or `{ fact: 'other' }`. */
export type ConditionData = Extract<RuleCondition, { fact: string }>;
export type GroupOperator = 'all' | 'any' | 'not';

// Type aliases, not interfaces: React Flow wants node data assignable to Record<string, unknown>.
export type NodeDataByKind = {
  rule: Pick<Rule, 'name' | 'description' | 'priority'>;
  group: { operator: GroupOperator };
  condition: ConditionData;
  outcome: Rule['event'];
};
export type NodeKind = keyof NodeDataByKind;
export const NODE_KINDS = ['rule', 'group', 'condition', 'outcome'] as const satisfies readonly NodeKind[];

export type XY = { x: number; y: number };

/** Shaped like a React Flow node, so the canvas only adds its size and whether it is selected. */
export type GraphNode<K extends NodeKind = NodeKind> = {
  [T in K]: { id: string; type: T; position: XY; data: NodeDataByKind[T] };
}[K];

/** Parent → child. A node's children are ordered as their edges are in `edges`; that order is the JSON's. */
export type GraphEdge = { id: string; source: string; target: string };

/** Everything of a ruleset that is not a rule. */
export type RulesetHeader = Omit<RulesetDefinition, 'rules'>;

/** Rules are ordered as their nodes are in `nodes`: among equal priorities, that order decides. */
export interface RulesGraph {
  ruleset: RulesetHeader;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Fixed node sizes: the layout relies on them, so the canvas renders nodes at exactly these sizes. */
export const NODE_SIZE: Record<NodeKind, { width: number; height: number }> = {
  rule: { width: 280, height: 124 },
  group: { width: 128, height: 44 },
  condition: { width: 270, height: 64 },
  outcome: { width: 190, height: 56 },
};

/** How messages name a kind of node: "an outcome cannot…". */
export const KIND_NAME: Record<NodeKind, string> = { rule: 'a rule', group: 'a group', condition: 'a condition', outcome: 'an outcome' };

export const edgeId = (source: string, target: string) => `${source}->${target}`;

/** Lookups a pass over a graph needs, built once. */
export interface GraphIndex {
  node: ReadonlyMap<string, GraphNode>;
  /** Child ids in edge order. */
  children: ReadonlyMap<string, string[]>;
  parents: ReadonlyMap<string, string[]>;
}

export function indexGraph(graph: Pick<RulesGraph, 'nodes' | 'edges'>): GraphIndex {
  const node = new Map(graph.nodes.map((n) => [n.id, n]));
  const children = new Map<string, string[]>();
  const parents = new Map<string, string[]>();
  for (const { source, target } of graph.edges) {
    if (!node.has(source) || !node.has(target)) continue;
    if (children.has(source)) children.get(source)!.push(target);
    else children.set(source, [target]);
    if (parents.has(target)) parents.get(target)!.push(source);
    else parents.set(target, [source]);
  }
  return { node, children, parents };
}

/** Ids of `kind-1`, `kind-2`… not yet in `taken`; `taken` is extended so repeated calls never collide. */
export function freshId(taken: Set<string>, kind: NodeKind): string {
  for (let i = 1; ; i++) {
    const id = `${kind}-${i}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}
