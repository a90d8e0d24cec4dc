import type { ConditionNode } from '../domain/decision.ts';
import type { EngineConditionResult } from './engine-result.ts';

const factReference = (value: unknown): string | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { fact?: unknown }).fact === 'string' ? (value as { fact: string }).fact : null;

/**
 * Turns an evaluator's condition results into an explanation tree. Fact values are read from the facts
 * the decision saw, so a missing fact shows as missing; the engine (allowUndefinedFacts) evaluates a
 * condition on a missing fact to false, and so does the explanation.
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
  const expectedFact = factReference(node.value);
  const missing = facts[node.fact] === undefined || (expectedFact !== null && facts[expectedFact] === undefined);
  return {
    kind: 'condition',
    fact: node.fact,
    operator: node.operator,
    expected: expectedFact !== null ? (facts[expectedFact] ?? null) : node.value,
    expectedFact,
    actual: facts[node.fact] ?? null,
    missing,
    result: node.result === true,
  };
}
