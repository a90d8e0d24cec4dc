import { BacktestInputError } from './backtest-input-error.ts';
import { meanWithInterval, type Kpi } from './confidence.ts';
import { KPI_NAMES, type KpiName, type SeriesPoint } from './kpis.ts';
import type { PolicySpec } from './policy-spec.ts';
import { RandomStreams } from './random-streams.ts';
import type { ChangedDecision, ReplicationOutput } from './scenarios/scenario.ts';
import { SCENARIOS } from './scenarios/index.ts';
import { isStable } from './stability.ts';
import { validateRuleset } from '../rules/validate-ruleset.ts';

export type { Kpi } from './confidence.ts';
export type { KpiName, SeriesPoint } from './kpis.ts';
export type { PolicySpec } from './policy-spec.ts';
export type { ChangedDecision } from './scenarios/scenario.ts';

export type BacktestRequest = {
  scenario: string;
  /** The scenario's own parameters (the job shop's norm, dispatching rule…); its defaults fill the rest. */
  params?: Record<string, unknown>;
  policies: PolicySpec[];
  replications: number;
  seed: number;
  /** Hours simulated and hours of warm-up left out of the figures; the scenario's defaults when absent. */
  horizon?: number;
  warmUp?: number;
};

export type PolicyResult = {
  label: string;
  kpis: Record<KpiName, Kpi>;
  /** Sampled over the whole run (101 points, from 0 to the horizon), each point the mean of the replications. */
  series: SeriesPoint[];
  /** False when the orders in the system grow without bound (see stability.ts). */
  stable: boolean;
  /**
   * Each KPI minus the first policy's, paired by replication (both saw the same random numbers), with its 95%
   * interval: far narrower than the two intervals apart, so it tells a real difference from chance.
   */
  delta?: Record<KpiName, Kpi>;
  /** Each KPI per replication, in replication order, when the options ask for them (to pair any two policies). */
  byReplication?: Record<KpiName, number[]>;
  /** The scenario's own figures (ReplicationOutput.extraKpis), mean and 95% interval. */
  extraKpis?: Record<string, Kpi>;
};

export type BacktestResult = {
  scenario: string;
  replications: number;
  horizon: number;
  warmUp: number;
  policies: PolicyResult[];
  changedDecisions?: ChangedDecision[];
};

export interface BacktestOptions {
  /** Called after each replication of each policy. */
  onProgress?(done: number, total: number): void;
  /** Keep each KPI per replication in the result (`byReplication`). */
  byReplication?: boolean;
}

/** The paired difference a − b of two policies run in one backtest or on the same seed, with its 95% interval. */
export const pairedDelta = (a: readonly number[], b: readonly number[]): Kpi => meanWithInterval(a.map((v, r) => v - b[r]!));

/** Series intervals per run (points at 0, horizon / SAMPLES, …, horizon): enough for a chart, few enough to send to a browser. */
const SAMPLES = 100;

function meanSeries(runs: readonly SeriesPoint[][]): SeriesPoint[] {
  const first = runs[0] ?? [];
  const meanOf = (pick: (p: SeriesPoint) => number) => (i: number) => runs.reduce((a, run) => a + pick(run[i]!), 0) / runs.length;
  return first.map((point, i) => ({
    t: point.t,
    pool: meanOf((p) => p.pool)(i),
    wip: Object.fromEntries(Object.keys(point.wip).map((area) => [area, meanOf((p) => p.wip[area] ?? 0)(i)])),
    load: Object.fromEntries(Object.keys(point.load).map((area) => [area, meanOf((p) => p.load[area] ?? 0)(i)])),
  }));
}

/**
 * A draft the validator refuses would run as if its broken rules never held (a fact the decision point does
 * not offer is simply missing), and the table would show no difference instead of the mistake.
 */
function refuseInvalidRulesets(policy: PolicySpec): void {
  if (policy.kind !== 'rules') return;
  for (const ruleset of [policy.rulesets.priority, policy.rulesets.release]) {
    if (!ruleset) continue;
    const errors = validateRuleset(ruleset).problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new BacktestInputError(`${policy.label}: the ${ruleset.decisionPoint} ruleset "${ruleset.name}" has problems: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}.`);
  }
}

/**
 * Runs every policy on the same replications of a scenario: replication r of every policy draws the same
 * random numbers (seeded by `seed` and r), so policies differ only by what they decide. Pure and
 * deterministic: the same request gives the same result.
 */
export function runBacktest(request: BacktestRequest, options: BacktestOptions = {}): BacktestResult {
  const scenario = SCENARIOS[request.scenario];
  if (!scenario || !Object.hasOwn(SCENARIOS, request.scenario)) {
    throw new BacktestInputError(`Unknown scenario "${request.scenario}"; known: ${Object.keys(SCENARIOS).join(', ')}.`);
  }
  const horizon = request.horizon ?? scenario.horizon;
  const warmUp = request.warmUp ?? Math.min(scenario.warmUp, horizon / 2);
  if (!(horizon > 0) || !(warmUp >= 0) || warmUp >= horizon) throw new BacktestInputError(`The warm-up (${warmUp} h) must be shorter than the horizon (${horizon} h).`);
  if (!Number.isInteger(request.replications) || request.replications < 1) throw new BacktestInputError('Replications must be a whole number, at least 1.');
  if (request.policies.length === 0) throw new BacktestInputError('Name at least one policy to run.');
  for (const policy of request.policies) refuseInvalidRulesets(policy);
  const params = scenario.parseParams(request.params ?? {});
  const total = request.replications * request.policies.length;
  const runs: ReplicationOutput[][] = request.policies.map(() => []);
  let done = 0;
  for (let r = 0; r < request.replications; r++) {
    request.policies.forEach((policy, p) => {
      const streams = new RandomStreams(request.seed, r);
      runs[p]!.push(scenario.replicate({ policy, params, streams, horizon, warmUp, sampleEvery: horizon / SAMPLES }));
      options.onProgress?.(++done, total);
    });
  }
  const changed = runs.flatMap((outputs) => outputs.flatMap((o) => o.changedDecisions ?? []));
  return {
    scenario: request.scenario,
    replications: request.replications,
    horizon,
    warmUp,
    policies: request.policies.map((policy, p) => {
      const series = meanSeries(runs[p]!.map((o) => o.series));
      const kpis = Object.fromEntries(KPI_NAMES.map((name) => [name, meanWithInterval(runs[p]!.map((o) => o.kpis[name]))])) as Record<KpiName, Kpi>;
      const delta = Object.fromEntries(KPI_NAMES.map((name) => [name, pairedDelta(runs[p]!.map((o) => o.kpis[name]), runs[0]!.map((o) => o.kpis[name]))])) as Record<KpiName, Kpi>;
      const byReplication = options.byReplication ? { byReplication: Object.fromEntries(KPI_NAMES.map((name) => [name, runs[p]!.map((o) => o.kpis[name])])) as Record<KpiName, number[]> } : {};
      const extra = Object.keys(runs[p]![0]?.extraKpis ?? {});
      const extraKpis = Object.fromEntries(extra.map((name) => [name, meanWithInterval(runs[p]!.map((o) => o.extraKpis![name]!))]));
      return { label: policy.label, kpis, series, stable: isStable(series, warmUp), delta, ...byReplication, ...(extra.length > 0 ? { extraKpis } : {}) };
    }),
    ...(changed.length > 0 ? { changedDecisions: changed } : {}),
  };
}
