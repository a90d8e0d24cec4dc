import { rulesetDefinition } from '../../domain/ruleset.ts';
import { DEFAULT_RULESETS, WORKLOAD_CONTROL_PRIORITY } from '../../rules/defaults/index.ts';
import type { PolicySpec } from '../policy-spec.ts';
import overdueLast from './overdue-last.json' with { type: 'json' };

export const IMMEDIATE: PolicySpec = { label: 'Immediate release', kind: 'immediate' };

/** The workload-control priority ruleset Sluice ships, with the default release rules. */
export const WORKLOAD_CONTROL: PolicySpec = { label: 'Workload control', kind: 'rules', rulesets: { priority: WORKLOAD_CONTROL_PRIORITY, release: DEFAULT_RULESETS.release } };

/**
 * A ruleset only Sluice's rules express: the ranking by planned release time adjusted, in hours, by an additive
 * rule on the due-date slack, with the starvation trigger still releasing what it sends back (docs/simulation.md,
 * the second proof).
 */
export const OVERDUE_LAST: PolicySpec = {
  label: 'Workload control, overdue orders last',
  kind: 'rules',
  rulesets: { priority: rulesetDefinition.parse(overdueLast), release: DEFAULT_RULESETS.release },
};

/**
 * The policies the job shop's table compares under each norm, immediate release first (the baseline the
 * differences are taken from): the pool in arrival order and by due date, Sluice's default rulesets as a
 * fresh installation publishes them, the workload-control ruleset it ships, the overdue-last variant, and a
 * draft given by the caller.
 */
export function normedPolicies(draft?: PolicySpec): PolicySpec[] {
  return [
    IMMEDIATE,
    { label: 'FIFO pool', kind: 'fifo' },
    { label: 'EDD pool', kind: 'edd' },
    { label: 'Sluice defaults', kind: 'rules', rulesets: { priority: DEFAULT_RULESETS.priority, release: DEFAULT_RULESETS.release } },
    WORKLOAD_CONTROL,
    OVERDUE_LAST,
    ...(draft ? [draft] : []),
  ];
}

/** CONWIP at each limit, after immediate release; CONWIP has no norms, so one run serves every norm. */
export const conwipPolicies = (limits: readonly number[]): PolicySpec[] => [IMMEDIATE, ...limits.map((limit): PolicySpec => ({ label: `CONWIP ${limit}`, kind: 'conwip', limit }))];
