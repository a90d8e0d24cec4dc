import type { RulesetDefinition } from '../domain/ruleset.ts';

/**
 * A release policy to compare: rulesets as Sluice runs them (the published ones, a draft, the shipped
 * workload-control ruleset), or a baseline from the literature — immediate release, the pool in arrival
 * order (FIFO) or by due date (EDD) under the same norms, CONWIP with a limit on orders released and not
 * completed.
 */
export type PolicySpec = { label: string } & (
  | { kind: 'rules'; rulesets: { priority?: RulesetDefinition; release?: RulesetDefinition } }
  | { kind: 'immediate' | 'fifo' | 'edd' }
  | { kind: 'conwip'; limit: number }
);
