import { BacktestInputError } from '../backtest-input-error.ts';
import type { PolicySpec } from '../policy-spec.ts';
import { changedDecisions } from './recorded-day/changed-decisions.ts';
import type { RecordedDay } from './recorded-day/recorded-day.ts';
import { REPLAY_HOURS, replayRecordedDay, type ReplayRun } from './recorded-day/replay-recorded-day.ts';
import type { Scenario } from './scenario.ts';

export type RecordedDayParams = { day: RecordedDay };

// The replay under the day's own rules, once per day and horizon: every policy's decisions are compared with it.
const references = new WeakMap<RecordedDay, Map<number, ReplayRun>>();
function reference(day: RecordedDay, horizon: number, sampleEvery: number): ReplayRun {
  let byHorizon = references.get(day);
  if (!byHorizon) references.set(day, (byHorizon = new Map()));
  let run = byHorizon.get(horizon);
  if (!run) byHorizon.set(horizon, (run = replayRecordedDay(day, { label: 'in force that day', kind: 'rules', rulesets: day.rulesets }, horizon, sampleEvery)));
  return run;
}

const isDay = (day: unknown): day is RecordedDay =>
  typeof day === 'object' && day !== null && Array.isArray((day as RecordedDay).orders) && Array.isArray((day as RecordedDay).areas) && typeof (day as RecordedDay).start === 'number';

/**
 * A day replayed from the store (docs/simulation.md): its orders arrive as recorded and work as long as they
 * did; the policy decides the releases. The day is read by store/recorded-day.ts and passed as `params.day`
 * (the CLI's `--date`). A replay has no randomness: every replication is the same, so the changed decisions
 * (a ruleset policy's against the rules in force that day) come from the first.
 */
export const recordedDay: Scenario<RecordedDayParams> = {
  name: 'recorded-day',
  about: 'A recorded day replayed from the store: arrivals and work durations as recorded, releases by the policy',
  horizon: REPLAY_HOURS,
  warmUp: 0,
  parseParams(params) {
    if (!isDay(params.day)) throw new BacktestInputError('A recorded day is read from the store: give the day (npm run simulate -- recorded-day --date YYYY-MM-DD).');
    return { day: params.day };
  },
  replicate({ policy, params: { day }, streams, horizon, sampleEvery }) {
    const run = replayRecordedDay(day, policy, horizon, sampleEvery);
    const output = { kpis: run.kpis, series: run.series, extraKpis: { released: run.released } };
    if (streams.replication !== 0 || !isDraft(policy, day)) return output;
    const ids = day.orders.map((o) => o.id);
    const references = new Map(day.orders.map((o) => [o.id, o.reference ?? null]));
    const changed = changedDecisions(ids, reference(day, horizon, sampleEvery).decisions, run.decisions, policy.rulesets);
    return { ...output, changedDecisions: changed.map((c) => ({ ...c, reference: references.get(c.orderId) ?? null })) };
  },
};

/** A ruleset policy other than the day's own rules: its changed decisions are worth listing. */
function isDraft(policy: PolicySpec, day: RecordedDay): policy is Extract<PolicySpec, { kind: 'rules' }> {
  return policy.kind === 'rules' && (policy.rulesets.priority !== day.rulesets.priority || policy.rulesets.release !== day.rulesets.release);
}
