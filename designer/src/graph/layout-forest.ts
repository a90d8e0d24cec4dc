import { indexGraph, NODE_SIZE, type GraphNode, type RulesGraph, type XY } from './rules-graph-model.ts';

/** Vertical distance between two leaves; larger than every node except a rule (which never shares a column). */
const ROW = 84;
/** Extra space between two trees, so each rule reads as its own block. */
const TREE_GAP = 48;
const COLUMN_GAP = 72;

/**
 * Lays the graph out left to right. The connection rules keep it a forest (one parent per node, no
 * loops), so a tidy tree layout is exact and needs no general graph layout: depth decides the column,
 * leaves take successive rows and a parent sits midway between its first and last child. Rules come
 * first in their order, then trees not linked to a rule. Deterministic and linear in the graph's size.
 */
export function layoutForest(graph: RulesGraph): RulesGraph {
  const index = indexGraph(graph);
  const placed = new Map<string, { depth: number; centerY: number }>();
  let cursor = 0;

  const place = (node: GraphNode, depth: number): number => {
    const entry = { depth, centerY: cursor };
    placed.set(node.id, entry);
    const children = (index.children.get(node.id) ?? []).filter((id) => !placed.has(id)).map((id) => index.node.get(id)!);
    if (children.length === 0) {
      cursor += ROW;
      return entry.centerY;
    }
    const centers = children.map((child) => place(child, depth + 1));
    entry.centerY = (centers[0]! + centers.at(-1)!) / 2;
    return entry.centerY;
  };
  const roots = [...graph.nodes.filter((n) => n.type === 'rule'), ...graph.nodes.filter((n) => n.type !== 'rule' && !index.parents.has(n.id))];
  // A node only reachable through a loop (never made by the canvas, but possible in a hand-edited graph) still gets a place.
  for (const root of [...roots, ...graph.nodes]) {
    if (placed.has(root.id)) continue;
    place(root, 0);
    cursor += TREE_GAP;
  }

  const columnX = columnOffsets(graph.nodes, placed);
  const position = (node: GraphNode): XY => {
    const { depth, centerY } = placed.get(node.id)!;
    return { x: columnX[depth] ?? 0, y: centerY - NODE_SIZE[node.type].height / 2 };
  };
  return { ...graph, nodes: graph.nodes.map((node) => ({ ...node, position: position(node) }) as GraphNode) };
}

/** Each column is as wide as its widest node, so narrow group nodes do not waste a full condition's width. */
function columnOffsets(nodes: readonly GraphNode[], placed: ReadonlyMap<string, { depth: number }>): number[] {
  const widths: number[] = [];
  for (const node of nodes) {
    const { depth } = placed.get(node.id)!;
    widths[depth] = Math.max(widths[depth] ?? 0, NODE_SIZE[node.type].width);
  }
  const offsets: number[] = [];
  let x = 0;
  for (const width of widths) {
    offsets.push(x);
    x += (width ?? 0) + COLUMN_GAP;
  }
  return offsets;
}
