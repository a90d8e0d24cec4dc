import type { Rule, RulesetDefinition } from '../domain/ruleset.ts';

export type RuleField = 'description' | 'priority' | 'conditions' | 'event';
export type RuleChange =
  | { kind: 'added'; rule: string }
  | { kind: 'removed'; rule: string }
  | { kind: 'changed'; rule: string; fields: RuleField[] };

export interface RulesetDiff {
  /** Ruleset-level fields that differ: name, description, hitPolicy, rankBy. */
  fields: ('name' | 'description' | 'hitPolicy' | 'rankBy')[];
  /** Rules matched by name, in the newer version's order, then the removed ones. */
  rules: RuleChange[];
}

const FIELDS: RuleField[] = ['description', 'priority', 'conditions', 'event'];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed from one version of a ruleset to another; rules are matched by name. */
export function diffRulesets(from: RulesetDefinition, to: RulesetDefinition): RulesetDiff {
  const before = new Map<string, Rule>(from.rules.map((r) => [r.name, r]));
  const after = new Set(to.rules.map((r) => r.name));
  const rules: RuleChange[] = [];
  for (const rule of to.rules) {
    const old = before.get(rule.name);
    if (!old) {
      rules.push({ kind: 'added', rule: rule.name });
      continue;
    }
    const fields = FIELDS.filter((f) => !same(old[f], rule[f]));
    if (fields.length > 0) rules.push({ kind: 'changed', rule: rule.name, fields });
  }
  for (const rule of from.rules) if (!after.has(rule.name)) rules.push({ kind: 'removed', rule: rule.name });
  const fields = (['name', 'description', 'hitPolicy', 'rankBy'] as const).filter((f) => !same(from[f], to[f]));
  return { fields, rules };
}
