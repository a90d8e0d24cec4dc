import type { ConditionNode, RuleExplanation } from '../../../domain/decision.ts';
import { formatValue } from '../format/labels.ts';

/** How a condition or group came out in a test run; a condition on an absent fact is `missing`, whatever it evaluated to. */
export type PathMark = 'true' | 'false' | 'missing';

export type NodePaint =
  | { kind: 'rule'; fired: boolean; applied: boolean }
  | { kind: 'group'; mark: PathMark }
  | { kind: 'condition'; mark: PathMark; /** What the fact was, to show beside the node: "actual: 12". */ actual: string }
  | { kind: 'outcome'; applied: boolean };

function describeActual(leaf: Extract<ConditionNode, { kind: 'condition' }>): string {
  if (leaf.missing) return leaf.actual === null ? 'missing' : `actual: ${formatValue(leaf.actual)} · ${leaf.expectedFact} missing`;
  const actual = `actual: ${formatValue(leaf.actual)}`;
  return leaf.expectedFact === null ? actual : `${actual} · ${leaf.expectedFact}: ${formatValue(leaf.expected)}`;
}

/**
 * Where a test run went, per node: the explanation of rule `i` mirrors `definition.rules[i]` exactly, so
 * each part of it is found on the canvas by its JSON path (`nodeAtPath`, from compiling the same graph
 * that was run). Parts without a node are skipped rather than guessed.
 */
export function paintPath(nodeAtPath: ReadonlyMap<string, string>, rules: readonly RuleExplanation[]): Map<string, NodePaint> {
  const paint = new Map<string, NodePaint>();

  const walk = (node: ConditionNode, path: string, ruleId: string | undefined) => {
    const id = nodeAtPath.get(path);
    if (node.kind === 'condition') {
      if (id !== undefined) paint.set(id, { kind: 'condition', mark: node.missing ? 'missing' : node.result ? 'true' : 'false', actual: describeActual(node) });
      return;
    }
    // A lone condition under a rule compiles into an ALL of its own, which has no node: its path names the rule.
    if (id !== undefined && id !== ruleId) paint.set(id, { kind: 'group', mark: node.result ? 'true' : 'false' });
    node.children.forEach((child, i) => walk(child, node.kind === 'not' ? `${path}.not` : `${path}.${node.kind}.${i}`, ruleId));
  };

  rules.forEach((rule, i) => {
    const ruleId = nodeAtPath.get(`rules.${i}`);
    if (ruleId !== undefined) paint.set(ruleId, { kind: 'rule', fired: rule.fired, applied: rule.applied });
    walk(rule.conditions, `rules.${i}.conditions`, ruleId);
    const outcomeId = nodeAtPath.get(`rules.${i}.event`);
    if (outcomeId !== undefined) paint.set(outcomeId, { kind: 'outcome', applied: rule.applied });
  });
  return paint;
}
