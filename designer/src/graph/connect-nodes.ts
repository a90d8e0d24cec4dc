import { DECISION_POINT_SPECS } from '../../../domain/decision-points.ts';
import { conditionProblem } from './condition-fit.ts';
import { edgeId, indexGraph, KIND_NAME, type GraphIndex, type NodeKind, type RulesGraph } from './rules-graph-model.ts';

export type Verdict = { ok: true } | { ok: false; reason: string };

/** Which kinds a link may go from and to: a rule has a "when" and a "then", a group has branches. */
const TARGETS: Record<NodeKind, readonly NodeKind[]> = {
  rule: ['group', 'condition', 'outcome'],
  group: ['group', 'condition'],
  condition: [],
  outcome: [],
};

const refuse = (reason: string): Verdict => ({ ok: false, reason });

function isAncestor(index: GraphIndex, candidate: string, of: string): boolean {
  const seen = new Set<string>();
  const stack = [of];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === candidate) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const parent of index.parents.get(id) ?? []) stack.push(parent);
  }
  return false;
}

/**
 * Whether `source → target` may be linked, and if not, why (shown to the person who tried). Keeps
 * the graph a forest of well-formed rules, and only links conditions and outcomes that fit the
 * decision point, so what is linked is what can be published.
 */
export function checkConnection(graph: RulesGraph, sourceId: string, targetId: string): Verdict {
  const index = indexGraph(graph);
  const source = index.node.get(sourceId);
  const target = index.node.get(targetId);
  if (!source || !target) return refuse('that node no longer exists');
  if (sourceId === targetId) return refuse('a node cannot be linked to itself');
  if (!TARGETS[source.type].includes(target.type)) {
    return refuse(TARGETS[source.type].length === 0 ? `${KIND_NAME[source.type]} is an end point: links go from a rule or group to it` : `${KIND_NAME[source.type]} cannot lead to ${KIND_NAME[target.type]}`);
  }
  const parent = index.parents.get(targetId)?.[0];
  if (parent !== undefined) return refuse(`it is already linked from ${KIND_NAME[index.node.get(parent)!.type]}: remove that link first`);
  if (isAncestor(index, targetId, sourceId)) return refuse('this link would make a loop');

  const children = (index.children.get(sourceId) ?? []).map((id) => index.node.get(id)!);
  if (source.type === 'rule' && target.type === 'outcome' && children.some((c) => c.type === 'outcome')) return refuse('this rule already has an outcome');
  if (source.type === 'rule' && target.type !== 'outcome' && children.some((c) => c.type !== 'outcome')) {
    return refuse('this rule already checks a condition or group: link several under an ALL or ANY group');
  }
  if (source.type === 'group' && source.data.operator === 'not' && children.length > 0) return refuse('a NOT group takes one branch');

  const dp = graph.ruleset.decisionPoint;
  if (target.type === 'condition') {
    const problem = conditionProblem(dp, target.data);
    if (problem) return refuse(`the condition does not fit: ${problem}`);
  }
  if (target.type === 'outcome' && !DECISION_POINT_SPECS[dp].outcomes.some((o) => o.type === target.data.type)) {
    return refuse(`"${target.data.type}" is not an outcome of ${dp}`);
  }
  return { ok: true };
}

/** Links `source → target` as its last child, or says why not. */
export function connect(graph: RulesGraph, sourceId: string, targetId: string): { ok: true; graph: RulesGraph } | { ok: false; reason: string } {
  const verdict = checkConnection(graph, sourceId, targetId);
  if (!verdict.ok) return verdict;
  return { ok: true, graph: { ...graph, edges: [...graph.edges, { id: edgeId(sourceId, targetId), source: sourceId, target: targetId }] } };
}

/**
 * Where a new node goes when added while `fromId` is selected: the selected node if it takes it,
 * else its nearest ancestor that does (a condition selected, an outcome added: the condition's rule).
 */
export function parentFor(graph: RulesGraph, fromId: string, childId: string): string | null {
  const index = indexGraph(graph);
  for (let id: string | undefined = fromId, hops = 0; id !== undefined && hops <= graph.nodes.length; id = index.parents.get(id)?.[0], hops++) {
    if (checkConnection(graph, id, childId).ok) return id;
  }
  return null;
}
