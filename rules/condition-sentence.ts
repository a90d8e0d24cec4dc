import type { ConditionNode } from '../domain/decision.ts';

export const OPERATOR_WORDS: Record<string, [holds: string, fails: string]> = {
  equal: ['is', 'is not'],
  notEqual: ['is not', 'is'],
  lessThan: ['is less than', 'is not less than'],
  lessThanInclusive: ['is at most', 'is more than'],
  greaterThan: ['is more than', 'is not more than'],
  greaterThanInclusive: ['is at least', 'is less than'],
  in: ['is one of', 'is not one of'],
  notIn: ['is not one of', 'is one of'],
  contains: ['contains', 'does not contain'],
  doesNotContain: ['does not contain', 'contains'],
  before: ['is before', 'is not before'],
  after: ['is after', 'is not after'],
};

export const show = (value: unknown): string => (Array.isArray(value) ? value.map(show).join(', ') : typeof value === 'string' ? `"${value}"` : String(value));

/** One plain-language clause for a condition tree, phrased by what actually happened. */
export function describeCondition(node: ConditionNode): string {
  if (node.kind === 'condition') {
    if (node.missing) {
      const absent = node.actual === null ? node.fact : (node.expectedFact ?? node.fact);
      return `${absent} is missing (so the condition is false)`;
    }
    const [holds, fails] = OPERATOR_WORDS[node.operator] ?? [node.operator, `not ${node.operator}`];
    const expected = node.expectedFact ? `${node.expectedFact} ${show(node.expected)}` : show(node.expected);
    return `${node.fact} ${show(node.actual)} ${node.result ? holds : fails} ${expected}`;
  }
  if (node.kind === 'not') {
    const [inner] = node.children;
    return inner ? `not (${describeCondition(inner)})` : 'not ()';
  }
  // A group is explained by the children that decided it: a false ALL by its failures, a true ANY by its successes.
  const deciding = node.children.filter((child) => child.result === node.result);
  return deciding.map(describeCondition).join(node.kind === 'all' ? ' and ' : ' or ');
}
