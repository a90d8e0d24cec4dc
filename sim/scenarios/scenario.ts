import type { KpiName, SeriesPoint } from '../kpis.ts';
import type { PolicySpec } from '../policy-spec.ts';
import type { RandomStreams } from '../random-streams.ts';

/** An order whose release decision differs between the recorded day and the policy replayed on it. */
export type ChangedDecision = { orderId: string; reference: string | null; before: string; after: string; explanation: string };

/** One replication of one policy, as a scenario runs it. */
export interface ReplicationInput<P> {
  policy: PolicySpec;
  params: P;
  /** The replication's random numbers: the same for every policy (common random numbers). */
  streams: RandomStreams;
  /** Hours simulated, and the hours at the start left out of the figures. */
  horizon: number;
  warmUp: number;
  /** Hours between two samples of the series. */
  sampleEvery: number;
}

export interface ReplicationOutput {
  kpis: Record<KpiName, number>;
  /** Figures only this scenario has (the last-mile day's failed attempts…), by name: reported like the KPIs. */
  extraKpis?: Record<string, number>;
  series: SeriesPoint[];
  changedDecisions?: ChangedDecision[];
}

/**
 * A model the simulator can run. `parseParams` checks what a caller asks for (throw `BacktestInputError`
 * with a message a person can act on) and fills the defaults; `replicate` is pure and deterministic: the same
 * input gives the same output.
 */
export interface Scenario<P = unknown> {
  name: string;
  about: string;
  horizon: number;
  warmUp: number;
  parseParams(params: Record<string, unknown>): P;
  replicate(input: ReplicationInput<P>): ReplicationOutput;
}
