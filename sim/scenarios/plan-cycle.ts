import { planReleaseCycle, type CycleArea, type CyclePlan, type PoolOrder } from '../../rules/release-cycle.ts';
import { cycleRulesOf } from '../job-shop/release-calls.ts';
import type { PolicySpec } from '../policy-spec.ts';

/** A release cycle of one area under the policy a scenario runs: its pool, the area as the scenario finds it, and the virtual time. */
export type PlanCycle = (pool: readonly PoolOrder[], area: CycleArea, now: Date) => CyclePlan;

/**
 * The live cycle under a policy: a ruleset policy's rules compiled as the live system compiles them, a
 * baseline's pool sequence (FIFO, EDD; immediate release and CONWIP rank as the job shop's do) with no
 * release rules. What the area's limit is under each policy is the scenario's to say.
 */
export function plannerFor(policy: PolicySpec): PlanCycle {
  const rules = cycleRulesOf(policy);
  return (pool, area, now) => planReleaseCycle(pool, area, rules, now);
}
