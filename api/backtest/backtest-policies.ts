import { BASELINE_LABELS, type BacktestBaseline, type PolicyRole } from '../../domain/backtest.ts';
import type { RulesetDefinition } from '../../domain/ruleset.ts';
import type { PolicySpec } from '../../sim/backtest.ts';

type Simulated = 'priority' | 'release';
type Rulesets = Partial<Record<Simulated, RulesetDefinition>>;

export const DRAFT_LABEL = 'Draft';
export const IN_FORCE_LABEL = 'In force';

/**
 * The policies a draft is compared with, in the order of the table: the draft (with the other decision
 * point's rules in force), the rules in force when there are any for its decision point, then the baselines.
 */
export function backtestPolicies(dp: Simulated, draft: RulesetDefinition, inForce: Rulesets, baselines: readonly BacktestBaseline[], conwipLimit: number): { policies: PolicySpec[]; roles: PolicyRole[] } {
  const policies: PolicySpec[] = [{ label: DRAFT_LABEL, kind: 'rules', rulesets: { ...inForce, [dp]: draft } }];
  const roles: PolicyRole[] = ['draft'];
  if (inForce[dp]) {
    policies.push({ label: IN_FORCE_LABEL, kind: 'rules', rulesets: inForce });
    roles.push('published');
  }
  for (const baseline of baselines) {
    policies.push(baseline === 'conwip' ? { label: `${BASELINE_LABELS.conwip} (${conwipLimit} on the floor)`, kind: 'conwip', limit: conwipLimit } : { label: BASELINE_LABELS[baseline], kind: baseline });
    roles.push('baseline');
  }
  return { policies, roles };
}
