import type { RuleCondition, RulesetDefinition } from '../domain/ruleset.ts';

/** A change to a ruleset's shape: `rule` is null for the ruleset's own fields and for rules added or removed. */
export interface StructuralChange {
  rule: string | null;
  what: string;
}
/** A change to one value, where it sits in its rule (`conditions.all.0.value`, `event.params.points`). */
export interface ValueChange {
  rule: string;
  path: string;
  from: unknown;
  to: unknown;
}
export interface EditScope {
  structural: StructuralChange[];
  values: ValueChange[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isFactRef = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && 'fact' in v;
const groupOf = (c: RuleCondition) => ('all' in c ? 'all' : 'any' in c ? 'any' : 'not' in c ? 'not' : null);

function walkConditions(rule: string, path: string, a: RuleCondition, b: RuleCondition, out: EditScope): void {
  const kind = groupOf(a);
  if (kind !== groupOf(b)) return void out.structural.push({ rule, what: `the condition at ${path} changed its kind` });
  if (kind === 'not') return walkConditions(rule, `${path}.not`, (a as { not: RuleCondition }).not, (b as { not: RuleCondition }).not, out);
  if (kind === 'all' || kind === 'any') {
    const [xs, ys] = [(a as Record<string, RuleCondition[]>)[kind]!, (b as Record<string, RuleCondition[]>)[kind]!];
    if (xs.length !== ys.length) return void out.structural.push({ rule, what: `conditions were ${xs.length < ys.length ? 'added' : 'removed'} at ${path}.${kind}` });
    xs.forEach((x, i) => walkConditions(rule, `${path}.${kind}.${i}`, x, ys[i]!, out));
    return;
  }
  const [x, y] = [a as { fact: string; operator: string; value: unknown }, b as { fact: string; operator: string; value: unknown }];
  if (x.fact !== y.fact) out.structural.push({ rule, what: `the fact at ${path} changed from ${x.fact} to ${y.fact}` });
  if (x.operator !== y.operator) out.structural.push({ rule, what: `the operator at ${path} changed from ${x.operator} to ${y.operator}` });
  if (same(x.value, y.value)) return;
  // Comparing with another fact instead of a literal (or another fact) changes what the rule looks at.
  if (isFactRef(x.value) || isFactRef(y.value)) out.structural.push({ rule, what: `the compared fact at ${path}.value changed` });
  else out.values.push({ rule, path: `${path}.value`, from: x.value, to: y.value });
}

/**
 * Splits the edit from one ruleset to another into changes of shape — rules or conditions added or removed,
 * facts, operators, outcome types, outcome params' names, a rule's priority, the hit policy, the rank by —
 * and changes of values: condition values and outcome params. Rules are matched by name; descriptions are
 * free text and count as neither.
 */
export function classifyEdit(before: RulesetDefinition, after: RulesetDefinition): EditScope {
  const out: EditScope = { structural: [], values: [] };
  if (before.name !== after.name) out.structural.push({ rule: null, what: 'the ruleset was renamed' });
  if (before.hitPolicy !== after.hitPolicy) out.structural.push({ rule: null, what: `the hit policy changed from ${before.hitPolicy} to ${after.hitPolicy}` });
  if (!same(before.rankBy, after.rankBy)) out.structural.push({ rule: null, what: 'the rank by changed' });
  const old = new Map(before.rules.map((r) => [r.name, r]));
  const kept = new Set(after.rules.map((r) => r.name));
  for (const r of before.rules) if (!kept.has(r.name)) out.structural.push({ rule: r.name, what: `rule “${r.name}” was removed` });
  for (const r of after.rules) {
    const o = old.get(r.name);
    if (!o) {
      out.structural.push({ rule: null, what: `rule “${r.name}” was added` });
      continue;
    }
    if (o.priority !== r.priority) out.structural.push({ rule: r.name, what: `its priority changed from ${o.priority} to ${r.priority}` });
    walkConditions(r.name, 'conditions', o.conditions, r.conditions, out);
    if (o.event.type !== r.event.type) out.structural.push({ rule: r.name, what: `its outcome changed from ${o.event.type} to ${r.event.type}` });
    const [ps, qs] = [o.event.params, r.event.params];
    if (!same(Object.keys(ps).sort(), Object.keys(qs).sort())) out.structural.push({ rule: r.name, what: 'its outcome params were added or removed' });
    else for (const k of Object.keys(qs)) if (!same(ps[k], qs[k])) out.values.push({ rule: r.name, path: `event.params.${k}`, from: ps[k], to: qs[k] });
  }
  return out;
}
