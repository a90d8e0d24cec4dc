import type { ConditionNode } from '../domain/decision.ts';

/** The per-condition result json-rules-engine reports (`RuleResult.conditions.toJSON(false)`). */
export type EngineConditionResult =
  | { all: EngineConditionResult[] }
  | { any: EngineConditionResult[] }
  | { not: EngineConditionResult }
  | { fact: string; operator: string; value: unknown; result?: boolean };

/**
 * Turns the engine's condition results into an explanation tree. The fact value is read from the facts
 * the decision saw, so a missing fact shows as missing; json-rules-engine (allowUndefinedFacts)
 * evaluates a condition on a missing fact to false, and so does the explanation.
 */
export function explainCondition(node: EngineConditionResult, facts: Record<string, unknown>): ConditionNode {
  if ('all' in node) {
    const children = node.all.map((child) => explainCondition(child, facts));
    return { kind: 'all', result: children.every((c) => c.result), children };
  }
  if ('any' in node) {
    const children = node.any.map((child) => explainCondition(child, facts));
    return { kind: 'any', result: children.some((c) => c.result), children };
  }
  if ('not' in node) {
    const child = explainCondition(node.not, facts);
    return { kind: 'not', result: !child.result, children: [child] };
  }
  const missing = facts[node.fact] === undefined;
  return {
    kind: 'condition',
    fact: node.fact,
    operator: node.operator,
    expected: node.value,
    actual: missing ? null : facts[node.fact],
    missing,
    result: node.result === true,
  };
}
