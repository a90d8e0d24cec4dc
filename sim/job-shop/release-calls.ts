import { compileRuleset, type CompiledRuleset } from '../../rules/compile-ruleset.ts';
import { cycleRules, planGroupReleaseCycle, planReleaseCycle, type CycleArea, type CycleRules, type NormedArea, type PoolOrder } from '../../rules/release-cycle.ts';
import type { RulesetDefinition } from '../../domain/ruleset.ts';
import type { PolicySpec } from '../policy-spec.ts';
import { instantAt } from '../virtual-clock.ts';

const compiled = new WeakMap<RulesetDefinition, CompiledRuleset>();
const compiledFor = (definition: RulesetDefinition) => {
  let found = compiled.get(definition);
  if (!found) compiled.set(definition, (found = compileRuleset(definition)));
  return found;
};

/** The pool sequences of the baselines: FIFO oldest first (to the minute, as `ageMinutes` counts), EDD by due time (the cycle's tie break). */
const FIFO: CycleRules = { score: (facts) => facts.ageMinutes as number, rank: null, decide: null };
const EDD: CycleRules = { score: null, rank: null, decide: null };

/** The rules a policy's release cycles run: a ruleset policy's built as the live cycle builds them (`cycleRules`). */
export function cycleRulesOf(policy: PolicySpec): CycleRules {
  switch (policy.kind) {
    case 'rules': {
      const { priority, release } = policy.rulesets;
      return cycleRules(priority ? compiledFor(priority) : null, release ? compiledFor(release) : null);
    }
    case 'fifo':
    case 'conwip':
      return FIFO;
    default:
      return EDD;
  }
}

/** A centre as a gateway of the shop's release group: always open, in shift, with no WIP limit (norms alone govern). */
export function gatewayOf(id: string, now: number, used: number): CycleArea {
  return { id, zone: null, status: 'open', inShift: true, hourOfDay: Math.floor(now % 24), unit: 'orders', wipLimit: null, used };
}

/** A periodic cycle of the release group: one pool ranked across every gateway, under the shared norms. The ids it releases. */
export function groupCycle(pool: readonly PoolOrder[], gateways: readonly CycleArea[], rules: CycleRules, now: number, norms: ReadonlyMap<string, NormedArea> | undefined): string[] {
  if (pool.length === 0) return [];
  return planGroupReleaseCycle(pool, gateways, rules, instantAt(now), { norms }).released.map((r) => r.orderId);
}

/**
 * The starvation trigger of a centre whose direct queue emptied: the best-ranked order whose routing starts
 * there goes, whatever the norms; the release rules may still hold it.
 */
export function starvedCycle(pool: readonly PoolOrder[], gateways: readonly CycleArea[], centre: string, rules: CycleRules, now: number): string | null {
  if (!pool.some((o) => o.gatewayId === centre)) return null;
  return planGroupReleaseCycle(pool, gateways, rules, instantAt(now), { starvedAreaId: centre }).released[0]?.orderId ?? null;
}

/** CONWIP: the shop as one area whose WIP limit counts every order released and not completed; no norms. */
export function conwipCycle(pool: readonly PoolOrder[], rules: CycleRules, now: number, limit: number, used: number): string[] {
  if (pool.length === 0 || used >= limit) return [];
  const shop: CycleArea = { ...gatewayOf('shop', now, used), wipLimit: limit };
  return planReleaseCycle(pool, shop, rules, instantAt(now)).released.map((r) => r.orderId);
}
