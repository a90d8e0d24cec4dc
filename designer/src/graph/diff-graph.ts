import type { Rule, RuleCondition, RulesetDefinition } from '../../../domain/ruleset.ts';
import type { RulesGraph } from './rules-graph-model.ts';
import { rulesetToGraph } from './ruleset-to-graph.ts';

export type DiffMark = 'added' | 'removed' | 'changed';

export interface GraphDiff {
  /** The newer ruleset's graph, with the rules only the older one has appended after its own, to show them ghosted. */
  graph: RulesGraph;
  /** Nodes that differ; a node not in it is the same in both. */
  marks: ReadonlyMap<string, DiffMark>;
  /** Rule name → its rule node, to find a rule named in a summary. */
  ruleNodes: ReadonlyMap<string, string>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const members = (c: RuleCondition): RuleCondition[] | null => ('all' in c ? c.all : 'any' in c ? c.any : 'not' in c ? [c.not] : null);
const operator = (c: RuleCondition) => ('all' in c ? 'all' : 'any' in c ? 'any' : 'not' in c ? 'not' : null);

/** Walks a rule as `rulesetToGraph` names its nodes (`rule-3.when.1.0`), so marks land on the nodes it makes. */
class RuleMarker {
  readonly marks = new Map<string, DiffMark>();

  all(rule: Rule, id: string, mark: DiffMark): void {
    this.marks.set(id, mark);
    this.subtree(rule.conditions, `${id}.when`, mark);
    this.marks.set(`${id}.then`, mark);
  }

  private subtree(condition: RuleCondition, id: string, mark: DiffMark): void {
    this.marks.set(id, mark);
    members(condition)?.forEach((member, i) => this.subtree(member, `${id}.${i}`, mark));
  }

  /**
   * Conditions compared by position. A group is changed when its operator changed or it lost a branch
   * (a branch it gained shows as added); a branch that changed from a condition to a group or back is changed.
   */
  private condition(newer: RuleCondition, older: RuleCondition | undefined, id: string): void {
    if (older === undefined) return this.subtree(newer, id, 'added');
    const [now, before] = [members(newer), members(older)];
    if (now === null || before === null) {
      if (now !== null || before !== null || !same(newer, older)) this.marks.set(id, 'changed');
      now?.forEach((member, i) => this.condition(member, undefined, `${id}.${i}`));
      return;
    }
    if (operator(newer) !== operator(older) || before.length > now.length) this.marks.set(id, 'changed');
    now.forEach((member, i) => this.condition(member, before[i], `${id}.${i}`));
  }

  compare(newer: Rule, older: Rule, id: string): void {
    if (newer.description !== older.description || newer.priority !== older.priority) this.marks.set(id, 'changed');
    this.condition(newer.conditions, older.conditions, `${id}.when`);
    if (!same(newer.event, older.event)) this.marks.set(`${id}.then`, 'changed');
  }
}

/**
 * What changed from `older` to `newer`, node by node, on the newer ruleset's canvas. Rules are matched
 * by name (as the API's diff does); a rule only the older one has is shown, removed, after the others.
 */
export function diffGraph(older: RulesetDefinition, newer: RulesetDefinition): GraphDiff {
  const before = new Map(older.rules.map((r) => [r.name, r]));
  const names = new Set(newer.rules.map((r) => r.name));
  const removed = older.rules.filter((r) => !names.has(r.name));
  const graph = rulesetToGraph({ ...newer, rules: [...newer.rules, ...removed] });
  const marker = new RuleMarker();
  const ruleNodes = new Map<string, string>();
  newer.rules.forEach((rule, i) => {
    const old = before.get(rule.name);
    if (old) marker.compare(rule, old, `rule-${i}`);
    else marker.all(rule, `rule-${i}`, 'added');
    if (!ruleNodes.has(rule.name)) ruleNodes.set(rule.name, `rule-${i}`);
  });
  removed.forEach((rule, i) => {
    const id = `rule-${newer.rules.length + i}`;
    marker.all(rule, id, 'removed');
    if (!ruleNodes.has(rule.name)) ruleNodes.set(rule.name, id);
  });
  return { graph, marks: marker.marks, ruleNodes };
}
