import { DEFAULT_RULESETS } from '../../rules/defaults/index.ts';
import type { PolicySpec } from '../policy-spec.ts';

export const IMMEDIATE: PolicySpec = { label: 'Immediate release', kind: 'immediate' };

/**
 * The policies the job shop's table compares under each norm, immediate release first (the baseline the
 * differences are taken from): the pool in arrival order and by due date, and the rulesets Sluice ships
 * as a fresh installation publishes them; a draft given by the caller after them.
 */
export function normedPolicies(draft?: PolicySpec): PolicySpec[] {
  return [
    IMMEDIATE,
    { label: 'FIFO pool', kind: 'fifo' },
    { label: 'EDD pool', kind: 'edd' },
    { label: 'Sluice defaults', kind: 'rules', rulesets: { priority: DEFAULT_RULESETS.priority, release: DEFAULT_RULESETS.release } },
    ...(draft ? [draft] : []),
  ];
}

/** CONWIP at each limit, after immediate release; CONWIP has no norms, so one run serves every norm. */
export const conwipPolicies = (limits: readonly number[]): PolicySpec[] => [IMMEDIATE, ...limits.map((limit): PolicySpec => ({ label: `CONWIP ${limit}`, kind: 'conwip', limit }))];
