import type { RuleCondition, RulesetDefinition } from '../../../domain/ruleset.ts';
import { layoutForest } from './layout-forest.ts';
import { edgeId, type GraphEdge, type GraphNode, type RulesGraph } from './rules-graph-model.ts';

const ORIGIN = { x: 0, y: 0 };

function addCondition(condition: RuleCondition, id: string, nodes: GraphNode[], edges: GraphEdge[]): void {
  if ('fact' in condition) {
    nodes.push({ id, type: 'condition', position: ORIGIN, data: { fact: condition.fact, operator: condition.operator, value: condition.value } });
    return;
  }
  const operator = 'all' in condition ? 'all' : 'any' in condition ? 'any' : 'not';
  nodes.push({ id, type: 'group', position: ORIGIN, data: { operator } });
  const members = 'all' in condition ? condition.all : 'any' in condition ? condition.any : [condition.not];
  members.forEach((member, index) => {
    const child = `${id}.${index}`;
    edges.push({ id: edgeId(id, child), source: id, target: child });
    addCondition(member, child, nodes, edges);
  });
}

/**
 * A ruleset as a graph: per rule, the rule node, its condition tree ("when") and its outcome ("then"),
 * laid out for reading. Pure and deterministic: the same definition always yields the same graph.
 */
export function rulesetToGraph(definition: RulesetDefinition): RulesGraph {
  const { rules, ...ruleset } = definition;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  rules.forEach((rule, index) => {
    const id = `rule-${index}`;
    nodes.push({ id, type: 'rule', position: ORIGIN, data: { name: rule.name, description: rule.description, priority: rule.priority } });
    edges.push({ id: edgeId(id, `${id}.when`), source: id, target: `${id}.when` });
    addCondition(rule.conditions, `${id}.when`, nodes, edges);
    edges.push({ id: edgeId(id, `${id}.then`), source: id, target: `${id}.then` });
    nodes.push({ id: `${id}.then`, type: 'outcome', position: ORIGIN, data: { type: rule.event.type, params: rule.event.params } });
  });
  return layoutForest({ ruleset, nodes, edges });
}
