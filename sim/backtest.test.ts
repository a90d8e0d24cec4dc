import { describe, expect, it } from 'vitest';
import type { RuleCondition, RulesetDefinition } from '../domain/ruleset.ts';
import { DEFAULT_RULESETS } from '../rules/defaults/index.ts';
import { BacktestInputError } from './backtest-input-error.ts';
import { pairedDelta, runBacktest, type BacktestRequest } from './backtest.ts';

/** A short job shop: long enough to pass its warm-up, short enough for a unit test. */
const request = (o: Partial<BacktestRequest> = {}): BacktestRequest => ({
  scenario: 'job-shop',
  params: { norm: 5 },
  policies: [{ label: 'Immediate', kind: 'immediate' }],
  replications: 2,
  seed: 7,
  horizon: 1500,
  warmUp: 300,
  ...o,
});

/** The ruleset with one more rule that makes an order wait when `condition` holds. */
const withRule = (ruleset: RulesetDefinition, condition: RuleCondition): RulesetDefinition => ({
  ...ruleset,
  rules: [...ruleset.rules, { name: 'Extra', description: 'One more rule.', priority: 1, conditions: { all: [condition] }, event: { type: 'wait', params: { reason: 'Waits.' } } }],
});

describe('runBacktest', () => {
  it('repeats: the same request gives the same result', () => {
    const policies = [{ label: 'EDD', kind: 'edd' as const }, { label: 'Rules', kind: 'rules' as const, rulesets: { priority: DEFAULT_RULESETS.priority, release: DEFAULT_RULESETS.release } }];
    expect(runBacktest(request({ policies }))).toEqual(runBacktest(request({ policies })));
  });

  it('gives every policy the same random numbers: two policies that decide alike report alike', () => {
    const { policies } = runBacktest(request({ policies: [{ label: 'A', kind: 'immediate' }, { label: 'B', kind: 'immediate' }] }));
    expect(policies[1]!.kpis).toEqual(policies[0]!.kpis);
    expect(policies[1]!.series).toEqual(policies[0]!.series);
  });

  it('keeps each replication when asked, so any two policies pair up', () => {
    const { policies } = runBacktest(request({ policies: [{ label: 'Immediate', kind: 'immediate' }, { label: 'EDD', kind: 'edd' }] }), { byReplication: true });
    const [immediate, edd] = policies;
    expect(immediate!.byReplication!.totalThroughputTime).toHaveLength(2);
    expect(pairedDelta(edd!.byReplication!.floorTime, immediate!.byReplication!.floorTime)).toEqual(edd!.delta!.floorTime);
    expect(runBacktest(request()).policies[0]!.byReplication).toBeUndefined();
  });

  it('differs by seed', () => {
    expect(runBacktest(request({ seed: 8 })).policies[0]!.kpis).not.toEqual(runBacktest(request()).policies[0]!.kpis);
  });

  it('reports every figure with an interval, a series over the run and whether it stayed stable', () => {
    const progress: [number, number][] = [];
    const result = runBacktest(request({ policies: [{ label: 'Immediate', kind: 'immediate' }, { label: 'EDD', kind: 'edd' }] }), { onProgress: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual([[1, 4], [2, 4], [3, 4], [4, 4]]);
    expect(result).toMatchObject({ scenario: 'job-shop', replications: 2, horizon: 1500, warmUp: 300 });
    const [immediate, edd] = result.policies;
    expect(immediate!.kpis.poolWait).toEqual({ mean: 0, halfWidth: 0 });
    expect(immediate!.kpis.utilisation.mean).toBeGreaterThan(0.8);
    expect(immediate!.kpis.utilisation.mean).toBeLessThan(1);
    expect(edd!.kpis.poolWait.mean).toBeGreaterThan(0);
    expect(edd!.kpis.totalThroughputTime.mean).toBeCloseTo(edd!.kpis.poolWait.mean + edd!.kpis.floorTime.mean, 6);
    expect(edd!.series.map((p) => p.t)).toEqual(Array.from({ length: 101 }, (_, i) => i * 15));
    expect(Object.keys(edd!.series[0]!.wip)).toEqual(['wc1', 'wc2', 'wc3', 'wc4', 'wc5', 'wc6']);
    expect(result.policies.map((p) => p.stable)).toEqual([true, true]);
    expect(immediate!.delta!.totalThroughputTime).toEqual({ mean: 0, halfWidth: 0 });
    expect(edd!.delta!.poolWait.mean).toBeCloseTo(edd!.kpis.poolWait.mean, 9);
    expect(edd!.delta!.totalThroughputTime.mean).toBeCloseTo(edd!.kpis.totalThroughputTime.mean - immediate!.kpis.totalThroughputTime.mean, 9);
  });

  it('finds an overloaded policy unstable: CONWIP with too few orders in the shop lets the pool grow', () => {
    const { policies } = runBacktest(request({ policies: [{ label: 'CONWIP 3', kind: 'conwip', limit: 3 }], horizon: 1000, warmUp: 200 }));
    expect(policies[0]!.stable).toBe(false);
  });

  it.each([
    { name: 'an unknown scenario', o: { scenario: 'nowhere' }, message: /Unknown scenario "nowhere"; known: job-shop/ },
    { name: 'a warm-up past the horizon', o: { horizon: 100, warmUp: 200 }, message: /warm-up \(200 h\) must be shorter than the horizon \(100 h\)/ },
    { name: 'no replications', o: { replications: 0 }, message: /Replications must be a whole number/ },
    { name: 'no policy', o: { policies: [] }, message: /at least one policy/ },
    { name: 'a bad parameter', o: { params: { norm: -1 } }, message: /Job shop parameters:.*norm/s },
    { name: 'an unknown parameter', o: { params: { nrom: 5 } }, message: /nrom/ },
    {
      name: 'a draft using a fact its decision point does not offer',
      o: { policies: [{ label: 'Draft', kind: 'rules' as const, rulesets: { release: withRule(DEFAULT_RULESETS.release, { fact: 'plannedReleaseSlackHours', operator: 'greaterThan', value: 8 }) } }] },
      message: /Draft: the release ruleset .* unknown fact "plannedReleaseSlackHours"/,
    },
  ])('refuses $name with a message to act on', ({ o, message }) => {
    expect(() => runBacktest(request(o))).toThrow(BacktestInputError);
    expect(() => runBacktest(request(o))).toThrow(message);
  });
});
