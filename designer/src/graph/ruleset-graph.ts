import type { Edge, Node } from '@xyflow/react';
import type { RuleCondition, RulesetDefinition } from '../../../domain/ruleset.ts';

export type RuleNodeData = { name: string; description: string; priority: number };
export type GroupNodeData = { operator: 'all' | 'any' | 'not'; childCount: number };
export type ConditionNodeData = { fact: string; operator: string; value: unknown };
export type OutcomeNodeData = { type: string; params: Record<string, unknown> };

export type RuleFlowNode = Node<RuleNodeData, 'rule'>;
export type GroupFlowNode = Node<GroupNodeData, 'group'>;
export type ConditionFlowNode = Node<ConditionNodeData, 'condition'>;
export type OutcomeFlowNode = Node<OutcomeNodeData, 'outcome'>;
export type RulesetFlowNode = RuleFlowNode | GroupFlowNode | ConditionFlowNode | OutcomeFlowNode;
type NodeDataByKind = { rule: RuleNodeData; group: GroupNodeData; condition: ConditionNodeData; outcome: OutcomeNodeData };
type NodeKind = keyof NodeDataByKind;

export interface RulesetGraph {
  nodes: RulesetFlowNode[];
  edges: Edge[];
}

/** Fixed node sizes: the layout relies on them, so the canvas renders nodes at exactly these sizes. */
export const NODE_SIZE: Record<NodeKind, { width: number; height: number }> = {
  rule: { width: 280, height: 124 },
  group: { width: 128, height: 44 },
  condition: { width: 270, height: 64 },
  outcome: { width: 150, height: 48 },
};
/** Vertical distance between two leaves; larger than every node except a rule (which never shares a column). */
const ROW = 84;
/** Extra space between two rules' bands, so each rule reads as its own block. */
const RULE_GAP = 48;
const COLUMN_GAP = 72;

type TreeNode = {
  [K in NodeKind]: { id: string; type: K; data: NodeDataByKind[K]; label?: string; children: TreeNode[] };
}[NodeKind];

function conditionTree(condition: RuleCondition, id: string): TreeNode {
  if ('all' in condition || 'any' in condition) {
    const operator = 'all' in condition ? 'all' : 'any';
    const members = 'all' in condition ? condition.all : condition.any;
    const children = members.map((member, index) => conditionTree(member, `${id}.${index}`));
    return { id, type: 'group', data: { operator, childCount: children.length }, children };
  }
  if ('not' in condition) {
    return { id, type: 'group', data: { operator: 'not', childCount: 1 }, children: [conditionTree(condition.not, `${id}.0`)] };
  }
  const data = { fact: condition.fact, operator: condition.operator, value: condition.value };
  return { id, type: 'condition', data, children: [] };
}

/** Each rule is a small tree: the rule, then "when" its condition tree, and "then" its outcome. */
function ruleTrees(definition: RulesetDefinition): TreeNode[] {
  return definition.rules.map((rule, index) => {
    const id = `rule-${index}`;
    const when = { ...conditionTree(rule.conditions, `${id}.when`), label: 'when' };
    const then: TreeNode = { id: `${id}.then`, type: 'outcome', data: { type: rule.event.type, params: rule.event.params }, label: 'then', children: [] };
    const data = { name: rule.name, description: rule.description, priority: rule.priority };
    return { id, type: 'rule', data, children: [when, then] };
  });
}

/**
 * Draws a ruleset left to right: depth decides the column, leaves take successive rows and a parent
 * sits midway between its first and last child. Pure and deterministic: the same definition always
 * yields the same nodes, ids and positions.
 */
export function rulesetToGraph(definition: RulesetDefinition): RulesetGraph {
  const roots = ruleTrees(definition);
  const placed: { node: TreeNode; depth: number; centerY: number }[] = [];
  const edges: Edge[] = [];
  let cursor = 0;

  const place = (node: TreeNode, depth: number): number => {
    const entry = { node, depth, centerY: cursor };
    placed.push(entry);
    if (node.children.length === 0) {
      cursor += ROW;
      return entry.centerY;
    }
    const childCenters = node.children.map((child) => {
      const edge: Edge = { id: `${node.id}->${child.id}`, source: node.id, target: child.id, type: 'smoothstep' };
      edges.push(child.label ? { ...edge, label: child.label } : edge);
      return place(child, depth + 1);
    });
    entry.centerY = ((childCenters[0] ?? 0) + (childCenters.at(-1) ?? 0)) / 2;
    return entry.centerY;
  };
  for (const root of roots) {
    place(root, 0);
    cursor += RULE_GAP;
  }

  const columnX = columnOffsets(placed);
  const nodes = placed.map(({ node, depth, centerY }) => {
    const { width, height } = NODE_SIZE[node.type];
    const position = { x: columnX[depth] ?? 0, y: centerY - height / 2 };
    return { id: node.id, type: node.type, data: node.data, position, width, height } as RulesetFlowNode;
  });
  return { nodes, edges };
}

/** Each column is as wide as its widest node, so narrow group nodes do not waste a full condition's width. */
function columnOffsets(placed: { node: TreeNode; depth: number }[]): number[] {
  const widths: number[] = [];
  for (const { node, depth } of placed) widths[depth] = Math.max(widths[depth] ?? 0, NODE_SIZE[node.type].width);
  const offsets: number[] = [];
  let x = 0;
  for (const width of widths) {
    offsets.push(x);
    x += (width ?? 0) + COLUMN_GAP;
  }
  return offsets;
}
