import { ruleNames, unusedRuleName } from './graph-edits.ts';
import { edgeId, freshId, type GraphEdge, type GraphNode, type RulesGraph, type XY } from './rules-graph-model.ts';

/** Copied nodes with the links among them; links to nodes left behind are not part of a copy. */
export interface Fragment {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function copyNodes(graph: RulesGraph, ids: Iterable<string>): Fragment {
  const chosen = new Set(ids);
  return {
    nodes: graph.nodes.filter((n) => chosen.has(n.id)),
    edges: graph.edges.filter((e) => chosen.has(e.source) && chosen.has(e.target)),
  };
}

/**
 * Adds a copy of the fragment, shifted by `offset`, with new ids; copied rules get names of their own
 * ("Overdue (copy)"), since two rules may not share a name. Returns the new nodes' ids, to select them.
 */
export function pasteFragment(graph: RulesGraph, fragment: Fragment, offset: XY): { graph: RulesGraph; ids: string[] } {
  const taken = new Set(graph.nodes.map((n) => n.id));
  const names = ruleNames(graph);
  const renamed = new Map<string, string>();
  const nodes: GraphNode[] = [];
  for (const node of fragment.nodes) {
    const id = freshId(taken, node.type);
    renamed.set(node.id, id);
    const position = { x: node.position.x + offset.x, y: node.position.y + offset.y };
    const copy = { ...node, id, position } as GraphNode;
    if (copy.type === 'rule') {
      copy.data = { ...copy.data, name: unusedRuleName(names, `${copy.data.name} (copy)`) };
      names.add(copy.data.name);
    }
    nodes.push(copy);
  }
  const edges = fragment.edges.flatMap((e) => {
    const source = renamed.get(e.source);
    const target = renamed.get(e.target);
    return source && target ? [{ id: edgeId(source, target), source, target }] : [];
  });
  return { graph: { ...graph, nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] }, ids: nodes.map((n) => n.id) };
}
