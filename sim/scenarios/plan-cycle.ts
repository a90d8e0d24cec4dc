import type { RulesetDefinition } from '../../domain/ruleset.ts';
import { compileRuleset } from '../../rules/compile-ruleset.ts';
import { planReleaseCycle, type CycleArea, type CyclePlan, type PoolOrder } from '../../rules/release-cycle.ts';

/** A release cycle of one area under the policy a scenario runs: its pool, the area as the scenario finds it, and the virtual time. */
export type PlanCycle = (pool: readonly PoolOrder[], area: CycleArea, now: Date) => CyclePlan;

/** The live cycle under rulesets: compiled once, as the live system compiles a published version once. */
export function rulesPlanner(rulesets: { priority?: RulesetDefinition; release?: RulesetDefinition }): PlanCycle {
  const priority = rulesets.priority ? compileRuleset(rulesets.priority) : null;
  const release = rulesets.release ? compileRuleset(rulesets.release) : null;
  const rules = { score: priority ? priority.score : null, decide: release ? release.decide : null };
  return (pool, area, now) => planReleaseCycle(pool, area, rules, now);
}
