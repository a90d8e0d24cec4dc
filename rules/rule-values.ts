import type { Rule, RuleCondition } from '../domain/ruleset.ts';
import { OPERATOR_WORDS, show } from './condition-sentence.ts';

/** One value of a rule, before and after, as a person reads it. */
export interface ValueChange {
  field: string;
  before: string;
  after: string;
}

const operand = (value: unknown) => (value !== null && typeof value === 'object' && 'fact' in value ? String((value as { fact: unknown }).fact) : show(value));

/** A condition tree as written (not as evaluated): "slackHours is less than 0 and (tier is "gold" or major is true)". */
export function conditionText(node: RuleCondition, nested = false): string {
  if ('fact' in node) return `${node.fact} ${OPERATOR_WORDS[node.operator]?.[0] ?? node.operator} ${operand(node.value)}`;
  if ('not' in node) return `not (${conditionText(node.not)})`;
  const [items, joint] = 'all' in node ? [node.all, ' and '] : [node.any, ' or '];
  const text = items.map((c) => conditionText(c, true)).join(joint);
  return nested && items.length > 1 ? `(${text})` : text;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What changed in a rule kept under the same name, value by value, old beside new: its conditions, its
 * outcome and each outcome parameter (a score's points among them), its priority and description.
 */
export function ruleValueChanges(before: Rule, after: Rule): ValueChange[] {
  const changes: ValueChange[] = [];
  const add = (field: string, a: string, b: string) => {
    if (a !== b) changes.push({ field, before: a, after: b });
  };
  add('conditions', conditionText(before.conditions), conditionText(after.conditions));
  add('outcome', before.event.type, after.event.type);
  const params = [...new Set([...Object.keys(before.event.params), ...Object.keys(after.event.params)])];
  for (const name of params) {
    const [a, b] = [before.event.params[name], after.event.params[name]];
    if (!same(a, b)) changes.push({ field: name, before: a === undefined ? '—' : show(a), after: b === undefined ? '—' : show(b) });
  }
  add('priority', String(before.priority), String(after.priority));
  add('description', before.description, after.description);
  return changes;
}
