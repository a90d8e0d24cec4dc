import type { Rule, RuleCondition } from '../../../../domain/ruleset.ts';

/** The numbers of a rule a bound can hold: condition values and outcome params, by their path in the rule. */
export function numberPaths(rule: Rule): { path: string; value: number }[] {
  const out: { path: string; value: number }[] = [];
  const walk = (c: RuleCondition, path: string) => {
    if ('all' in c) c.all.forEach((x, i) => walk(x, `${path}.all.${i}`));
    else if ('any' in c) c.any.forEach((x, i) => walk(x, `${path}.any.${i}`));
    else if ('not' in c) walk(c.not, `${path}.not`);
    else if (typeof c.value === 'number') out.push({ path: `${path}.value`, value: c.value });
  };
  walk(rule.conditions, 'conditions');
  for (const [k, v] of Object.entries(rule.event.params)) if (typeof v === 'number') out.push({ path: `event.params.${k}`, value: v });
  return out;
}
