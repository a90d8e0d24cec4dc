import { indexGraph, NODE_SIZE, type GraphNode, type NodeDataByKind, type RulesGraph } from './rules-graph-model.ts';

/**
 * The zoom the canvas opens at: node text is 12 to 14 px, so it stays that size on screen. A large
 * ruleset is never shrunk to fit; the person pans and searches for the rest.
 */
export const READABLE_ZOOM = 1;
/** Room above the first rule for the canvas's search box. */
const MARGIN = { left: 16, top: 64 };

/** Opens on the first rules: the graph's top-left corner at the canvas's, at the readable zoom. */
export function openingViewport(graph: Pick<RulesGraph, 'nodes'>): { x: number; y: number; zoom: number } {
  if (graph.nodes.length === 0) return { x: MARGIN.left, y: MARGIN.top, zoom: READABLE_ZOOM };
  const left = Math.min(...graph.nodes.map((n) => n.position.x));
  const top = Math.min(...graph.nodes.map((n) => n.position.y));
  return { x: MARGIN.left - left * READABLE_ZOOM, y: MARGIN.top - top * READABLE_ZOOM, zoom: READABLE_ZOOM };
}

function searchText(node: GraphNode): string {
  switch (node.type) {
    case 'rule':
      return node.data.name;
    case 'condition':
      return node.data.fact;
    case 'outcome':
      return node.data.type;
    case 'group':
      return '';
  }
}

/** Rules whose name, conditions whose fact, outcomes whose type contain the query, in the graph's order. */
export function searchGraph(graph: Pick<RulesGraph, 'nodes'>, query: string): string[] {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return [];
  return graph.nodes.filter((n) => searchText(n).toLowerCase().includes(wanted)).map((n) => n.id);
}

/** Everything under the collapsed rules, which the canvas hides; a node linked under two parents shows while one is open. */
export function hiddenByCollapse(graph: Pick<RulesGraph, 'nodes' | 'edges'>, collapsed: ReadonlySet<string>): Set<string> {
  if (collapsed.size === 0) return new Set();
  const index = indexGraph(graph);
  const shown = new Set<string>();
  const under = new Set<string>();
  const walk = (id: string, into: Set<string>) => {
    for (const child of index.children.get(id) ?? []) {
      if (into.has(child)) continue;
      into.add(child);
      walk(child, into);
    }
  };
  for (const node of graph.nodes) {
    if (node.type !== 'rule') continue;
    if (collapsed.has(node.id)) walk(node.id, under);
    else walk(node.id, shown);
  }
  return new Set([...under].filter((id) => !shown.has(id)));
}

/** The outcome a rule links to, which a collapsed rule shows in place of its hidden nodes. */
export function ruleOutcomes(graph: Pick<RulesGraph, 'nodes' | 'edges'>): Map<string, NodeDataByKind['outcome']> {
  const index = indexGraph(graph);
  const outcomes = new Map<string, NodeDataByKind['outcome']>();
  for (const node of graph.nodes) {
    if (node.type !== 'rule') continue;
    const outcome = (index.children.get(node.id) ?? []).map((id) => index.node.get(id)!).find((n) => n.type === 'outcome');
    if (outcome?.type === 'outcome') outcomes.set(node.id, outcome.data);
  }
  return outcomes;
}

/** The rule a node belongs to (itself for a rule), to expand it when a search finds something inside. */
export function ruleOf(graph: Pick<RulesGraph, 'nodes' | 'edges'>, id: string): string | null {
  const index = indexGraph(graph);
  const seen = new Set<string>();
  for (let at: string | undefined = id; at !== undefined && !seen.has(at); at = index.parents.get(at)?.[0]) {
    seen.add(at);
    if (index.node.get(at)?.type === 'rule') return at;
  }
  return null;
}


/**
 * How far up each shown node moves so folded rules leave no gaps: a folded rule's block (the rule and
 * what hangs under it) shrinks to the rule node, and everything below moves up by what it gave back.
 * Display only: the model keeps its positions, and a move on the canvas adds the shift back.
 */
export function foldShifts(graph: Pick<RulesGraph, 'nodes' | 'edges'>, collapsed: ReadonlySet<string>): Map<string, number> {
  const shifts = new Map<string, number>();
  if (collapsed.size === 0) return shifts;
  const index = indexGraph(graph);
  const freed: { below: number; by: number }[] = [];
  for (const id of collapsed) {
    const rule = index.node.get(id);
    if (rule?.type !== 'rule') continue;
    const block: GraphNode[] = [rule];
    const seen = new Set([id]);
    for (let i = 0; i < block.length; i++) {
      for (const child of index.children.get(block[i]!.id) ?? []) {
        if (seen.has(child)) continue;
        seen.add(child);
        block.push(index.node.get(child)!);
      }
    }
    const bottom = Math.max(...block.map((n) => n.position.y + NODE_SIZE[n.type].height));
    const ruleBottom = rule.position.y + NODE_SIZE.rule.height;
    if (bottom > ruleBottom) freed.push({ below: bottom, by: bottom - ruleBottom });
  }
  for (const node of graph.nodes) {
    const by = freed.reduce((sum, f) => (node.position.y >= f.below ? sum + f.by : sum), 0);
    if (by > 0) shifts.set(node.id, by);
  }
  return shifts;
}
