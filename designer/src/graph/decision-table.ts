import { DECISION_POINT_SPECS, OPERATORS_BY_TYPE } from '../../../domain/decision-points.ts';
import { formatValue, operatorLabel } from '../format/labels.ts';
import { formatCalendarDateTime } from '../format/time.ts';
import { factReference } from './condition-fit.ts';
import { connect } from './connect-nodes.ts';
import { addNode, removeElements, updateNodeData } from './graph-edits.ts';
import { withOutcomeType } from './outcome-params.ts';
import { indexGraph, NODE_SIZE, type ConditionData, type GraphIndex, type NodeDataByKind, type RulesGraph } from './rules-graph-model.ts';

/** A condition the table shows in its fact's column: the node it edits. */
export interface TableCell {
  nodeId: string;
  operator: string;
  value: unknown;
  /** "< 4", "= major", "≥ areaWipLimit". */
  text: string;
}

export interface TableRow {
  ruleId: string;
  name: string;
  description: string;
  priority: number;
  /** By fact; a fact the rule does not test has no cell. */
  cells: ReadonlyMap<string, TableCell>;
  /** The group the cells hang under, where a condition added in the table goes; null when the rule has none the table can use. */
  groupId: string | null;
  /** What the table cannot show as cells (nested groups, a second test of one fact, an ANY or NOT rule), as read-only text. */
  other: string | null;
  outcome: { nodeId: string; data: NodeDataByKind['outcome'] } | null;
}

export interface DecisionTable {
  /** Facts tested by some cell, in the decision point's catalogue order. */
  facts: string[];
  rows: TableRow[];
}

/** A date in the viewer's time, as the canvas shows it, rather than the ISO text the rule keeps. */
const valueText = (operator: string, value: unknown) => (OPERATORS_BY_TYPE.date.includes(operator) && typeof value === 'string' ? formatCalendarDateTime(value) : formatValue(value));

export const cellText = (operator: string, value: unknown) => `${operatorLabel(operator)} ${factReference(value) ?? valueText(operator, value)}`;

function conditionText(index: GraphIndex, id: string): string {
  const node = index.node.get(id);
  if (!node) return '?';
  if (node.type === 'condition') return `${node.data.fact} ${cellText(node.data.operator, node.data.value)}`;
  if (node.type !== 'group') return '?';
  const members = (index.children.get(id) ?? []).map((child) => conditionText(index, child));
  if (node.data.operator === 'not') return `not (${members.join(', ')})`;
  return members.length === 1 ? members[0]! : `(${members.join(node.data.operator === 'all' ? ' and ' : ' or ')})`;
}

/**
 * The graph as a decision table: a row per rule, in the graph's order, a column per fact tested
 * directly under a rule's ALL group. Read from the graph each time, never stored: the canvas and the
 * table are two views of one model.
 */
export function graphToTable(graph: RulesGraph): DecisionTable {
  const index = indexGraph(graph);
  const used = new Set<string>();
  const rows = graph.nodes.flatMap((rule): TableRow[] => {
    if (rule.type !== 'rule') return [];
    const children = (index.children.get(rule.id) ?? []).map((id) => index.node.get(id)!);
    const outcome = children.find((n) => n.type === 'outcome');
    const when = children.find((n) => n.type !== 'outcome');
    const cells = new Map<string, TableCell>();
    const other: string[] = [];
    let groupId: string | null = null;
    if (when?.type === 'group' && when.data.operator === 'all') {
      groupId = when.id;
      for (const id of index.children.get(when.id) ?? []) {
        const member = index.node.get(id)!;
        if (member.type === 'condition' && !cells.has(member.data.fact)) {
          cells.set(member.data.fact, { nodeId: id, operator: member.data.operator, value: member.data.value, text: cellText(member.data.operator, member.data.value) });
          used.add(member.data.fact);
        } else other.push(conditionText(index, id));
      }
    } else if (when) other.push(conditionText(index, when.id));
    return [
      {
        ruleId: rule.id,
        name: rule.data.name,
        description: rule.data.description,
        priority: rule.data.priority,
        cells,
        groupId,
        other: other.length > 0 ? other.join(' and ') : null,
        outcome: outcome?.type === 'outcome' ? { nodeId: outcome.id, data: outcome.data } : null,
      },
    ];
  });
  const catalogue = DECISION_POINT_SPECS[graph.ruleset.decisionPoint].facts.map((f) => f.name);
  const facts = [...catalogue.filter((f) => used.has(f)), ...[...used].filter((f) => !catalogue.includes(f))];
  return { facts, rows };
}

/** A cell's operator or value changed: the condition node it shows changes. */
export function editCell(graph: RulesGraph, nodeId: string, change: Partial<Pick<ConditionData, 'operator' | 'value'>>): RulesGraph {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (node?.type !== 'condition') return graph;
  return updateNodeData(graph, nodeId, 'condition', { ...node.data, ...change });
}

/** A condition on `fact` in an empty cell, under the rule's ALL group, starting from the fact's example. */
export function addCell(graph: RulesGraph, groupId: string, fact: string): { graph: RulesGraph; id: string } {
  const group = graph.nodes.find((n) => n.id === groupId);
  const at = group ? { x: group.position.x + NODE_SIZE.group.width + 72, y: group.position.y } : { x: 0, y: 0 };
  const added = addNode(graph, { kind: 'condition', fact }, at);
  const linked = connect(added.graph, groupId, added.id);
  if (!linked.ok) throw new Error(linked.reason);
  return { graph: linked.graph, id: added.id };
}

/** Empties a cell: its condition goes. */
export const clearCell = (graph: RulesGraph, nodeId: string): RulesGraph => removeElements(graph, [nodeId]);

export function editRule(graph: RulesGraph, ruleId: string, change: Partial<NodeDataByKind['rule']>): RulesGraph {
  const node = graph.nodes.find((n) => n.id === ruleId);
  if (node?.type !== 'rule') return graph;
  return updateNodeData(graph, ruleId, 'rule', { ...node.data, ...change });
}

export function editOutcomeParam(graph: RulesGraph, nodeId: string, param: string, value: unknown): RulesGraph {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (node?.type !== 'outcome') return graph;
  return updateNodeData(graph, nodeId, 'outcome', { ...node.data, params: { ...node.data.params, [param]: value } });
}

/** The rule's outcome becomes another of the decision point's, with that outcome's parameters. */
export function editOutcomeType(graph: RulesGraph, nodeId: string, type: string): RulesGraph {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (node?.type !== 'outcome' || node.data.type === type) return graph;
  return updateNodeData(graph, nodeId, 'outcome', withOutcomeType(graph.ruleset.decisionPoint, node.data, type));
}

/** A new row: a rule with an empty ALL group and the decision point's first outcome, below everything on the canvas. */
export function addRuleRow(graph: RulesGraph): { graph: RulesGraph; id: string } {
  const bottom = graph.nodes.reduce((max, n) => Math.max(max, n.position.y + NODE_SIZE[n.type].height), 0) + 48;
  const left = graph.nodes.reduce((min, n) => Math.min(min, n.position.x), Infinity);
  const x = Number.isFinite(left) ? left : 0;
  const rule = addNode(graph, { kind: 'rule' }, { x, y: bottom + 20 });
  const group = addNode(rule.graph, { kind: 'group', operator: 'all' }, { x: x + NODE_SIZE.rule.width + 72, y: bottom });
  const outcome = addNode(group.graph, { kind: 'outcome' }, { x: x + NODE_SIZE.rule.width + 72, y: bottom + 84 });
  let next = outcome.graph;
  for (const child of [group.id, outcome.id]) {
    const linked = connect(next, rule.id, child);
    if (!linked.ok) throw new Error(linked.reason);
    next = linked.graph;
  }
  return { graph: next, id: rule.id };
}

/** A row goes with everything that hangs only under its rule. */
export function removeRuleRow(graph: RulesGraph, ruleId: string): RulesGraph {
  const index = indexGraph(graph);
  const gone = new Set([ruleId]);
  const walk = (id: string) => {
    for (const child of index.children.get(id) ?? []) {
      if (gone.has(child) || (index.parents.get(child) ?? []).some((p) => !gone.has(p))) continue;
      gone.add(child);
      walk(child);
    }
  };
  walk(ruleId);
  return removeElements(graph, gone);
}

