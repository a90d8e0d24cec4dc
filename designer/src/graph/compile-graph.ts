import type { Rule, RuleCondition, RulesetDefinition } from '../../../domain/ruleset.ts';
import { indexGraph, KIND_NAME, type GraphIndex, type GraphNode, type RulesGraph } from './rules-graph-model.ts';

/** What keeps part of the graph from becoming rules, on the node to fix. */
export interface StructureProblem {
  nodeId: string;
  message: string;
}

export interface CompiledGraph {
  /** The rules that are whole; a rule with a missing part is left out and its problem reported. */
  definition: RulesetDefinition;
  /** JSON path in `definition` (`rules.0.conditions.all.1`) → the node it came from. */
  nodeAtPath: ReadonlyMap<string, string>;
  problems: StructureProblem[];
}

class RuleCompiler {
  readonly paths = new Map<string, string>();
  private whole = true;
  private readonly index: GraphIndex;
  /** Shared by all rules, so a node reached from two rules is caught. */
  private readonly visited: Set<string>;
  private readonly problems: StructureProblem[];

  constructor(index: GraphIndex, visited: Set<string>, problems: StructureProblem[]) {
    this.index = index;
    this.visited = visited;
    this.problems = problems;
  }

  private problem(nodeId: string, message: string): void {
    this.problems.push({ nodeId, message });
    this.whole = false;
  }

  /** Records where the node lands in the JSON; false when it was already reached another way. */
  private enter(node: GraphNode, path: string): boolean {
    if (this.visited.has(node.id)) {
      this.problem(node.id, 'this node is linked from more than one place; remove the extra link');
      return false;
    }
    this.visited.add(node.id);
    this.paths.set(path, node.id);
    return true;
  }

  private condition(node: GraphNode, path: string): RuleCondition | null {
    if (!this.enter(node, path)) return null;
    if (node.type === 'condition') return { fact: node.data.fact, operator: node.data.operator, value: node.data.value };
    if (node.type === 'group') return this.group(node, path);
    this.problem(node.id, `${KIND_NAME[node.type]} cannot be a branch of a group; link it from a rule`);
    return null;
  }

  private group(node: GraphNode<'group'>, path: string): Rule['conditions'] | null {
    const { operator } = node.data;
    const children = (this.index.children.get(node.id) ?? []).map((id) => this.index.node.get(id)!);
    if (operator === 'not') {
      if (children.length !== 1) this.problem(node.id, `a NOT group takes exactly one branch; it has ${children.length}`);
      const inner = children[0] ? this.condition(children[0], `${path}.not`) : null;
      return inner && { not: inner };
    }
    if (children.length === 0) this.problem(node.id, `an ${operator.toUpperCase()} group needs at least one branch: link a condition or group to it`);
    const members = children.map((child, i) => this.condition(child, `${path}.${operator}.${i}`));
    if (members.length === 0 || !members.every((m) => m !== null)) return null;
    return operator === 'all' ? { all: members } : { any: members };
  }

  /** The top of a rule's "when": a group, or a lone condition wrapped in ALL, as the engine wants a group there. */
  private conditions(rule: GraphNode<'rule'>, when: GraphNode, path: string): Rule['conditions'] | null {
    if (when.type === 'group') return this.enter(when, path) ? this.group(when, path) : null;
    this.paths.set(path, rule.id);
    const leaf = this.condition(when, `${path}.all.0`);
    return leaf && { all: [leaf] };
  }

  rule(node: GraphNode<'rule'>, path: string): Rule | null {
    this.enter(node, path);
    const children = (this.index.children.get(node.id) ?? []).map((id) => this.index.node.get(id)!);
    const whens = children.filter((c) => c.type === 'group' || c.type === 'condition');
    const thens = children.filter((c) => c.type === 'outcome');
    if (whens.length !== 1) {
      this.problem(node.id, whens.length === 0 ? 'link a condition or group: the rule checks nothing yet' : 'a rule checks one condition or group; combine them under an ALL or ANY group');
    }
    if (thens.length !== 1) this.problem(node.id, thens.length === 0 ? 'link an outcome: the rule decides nothing yet' : 'a rule has one outcome; remove the others');
    for (const other of children.filter((c) => c.type === 'rule')) this.problem(other.id, 'a rule cannot be linked under another rule');

    const conditions = whens[0] ? this.conditions(node, whens[0], `${path}.conditions`) : null;
    const outcome = thens[0];
    if (outcome?.type === 'outcome') this.enter(outcome, `${path}.event`);
    if (!this.whole || !conditions || outcome?.type !== 'outcome') return null;
    return { ...node.data, conditions, event: { type: outcome.data.type, params: outcome.data.params } };
  }
}

/**
 * Graph → ruleset: the inverse of `rulesetToGraph` (rules in node order, branches in edge order). What
 * cannot become a rule is reported on its node; whether the rules fit their decision point is the
 * validator's question, asked of `definition`.
 */
export function graphToRuleset(graph: RulesGraph): CompiledGraph {
  const index = indexGraph(graph);
  const visited = new Set<string>();
  const problems: StructureProblem[] = [];
  const rules: Rule[] = [];
  const nodeAtPath = new Map<string, string>();
  for (const node of graph.nodes) {
    if (node.type !== 'rule') continue;
    const compiler = new RuleCompiler(index, visited, problems);
    const rule = compiler.rule(node, `rules.${rules.length}`);
    if (!rule) continue;
    for (const [path, id] of compiler.paths) nodeAtPath.set(path, id);
    rules.push(rule);
  }
  for (const node of graph.nodes) {
    if (!visited.has(node.id) && !index.parents.has(node.id)) {
      problems.push({ nodeId: node.id, message: `${KIND_NAME[node.type]} not linked to any rule has no effect, and is left out when saved` });
    }
  }
  return { definition: { ...graph.ruleset, rules }, nodeAtPath, problems };
}
