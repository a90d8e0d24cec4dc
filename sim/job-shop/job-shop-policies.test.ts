import { describe, expect, it } from 'vitest';
import { validateRuleset } from '../../rules/validate-ruleset.ts';
import { normedPolicies } from './job-shop-policies.ts';

describe("the job shop's policies", () => {
  const rulesets = normedPolicies().flatMap((p) => (p.kind === 'rules' ? Object.values(p.rulesets).map((r) => ({ policy: p.label, ruleset: r })) : []));

  it.each(rulesets)('$policy: "$ruleset.name" passes the ruleset validator, as publishing it would', ({ ruleset }) => {
    expect(validateRuleset(ruleset).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('put immediate release first, the baseline every difference is taken from', () => {
    expect(normedPolicies()[0]!.kind).toBe('immediate');
    expect(new Set(normedPolicies().map((p) => p.label)).size).toBe(normedPolicies().length);
  });
});
