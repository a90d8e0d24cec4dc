import { describe, expect, it } from 'vitest';
import { DEFAULT_RULESETS } from '../../rules/defaults/index.ts';
import { BacktestInputError } from '../backtest-input-error.ts';
import { runBacktest, type BacktestRequest } from '../backtest.ts';
import type { PolicySpec } from '../policy-spec.ts';
import { RandomStreams } from '../random-streams.ts';
import { DEFAULT_ARRIVAL_CURVE } from './last-mile/arrival-curve.ts';
import { lastMileOrders } from './last-mile/last-mile-orders.ts';
import { lastMileParams, zonesOf } from './last-mile/last-mile-params.ts';
import { SCENARIOS } from './index.ts';

const rules: PolicySpec = { label: 'Sluice defaults', kind: 'rules', rulesets: { priority: DEFAULT_RULESETS.priority, release: DEFAULT_RULESETS.release } };
const fifo: PolicySpec = { label: 'FIFO pool', kind: 'fifo' };
/** A small day with too few drivers, so that the pools fill and the policies differ. */
const request = (policies: PolicySpec[], params: Record<string, unknown> = {}): BacktestRequest => ({
  scenario: 'last-mile-day',
  params: { orders: 600, driversPerZone: 2, ...params },
  policies,
  replications: 2,
  seed: 11,
});

describe('the last-mile day scenario', () => {
  it('is registered', () => {
    expect(SCENARIOS['last-mile-day']?.name).toBe('last-mile-day');
  });

  it('gives the same result for the same seed, and another for another seed', () => {
    const a = runBacktest(request([rules]));
    expect(runBacktest(request([rules]))).toEqual(a);
    expect(runBacktest({ ...request([rules]), seed: 12 }).policies[0]!.kpis).not.toEqual(a.policies[0]!.kpis);
  });

  it('draws every order from streams of its own, so whatever a policy does with drives and failures, the orders are the same', () => {
    const p = lastMileParams.parse({ orders: 300 });
    const zones = zonesOf(p, DEFAULT_ARRIVAL_CURVE);
    const fresh = new RandomStreams(5, 0);
    const used = new RandomStreams(5, 0);
    for (let i = 0; i < 1_000; i++) for (const purpose of ['travel', 'failures', 'remits', 'loading']) used.stream(purpose)();
    const ordersOf = (s: RandomStreams) => lastMileOrders(p, zones, DEFAULT_ARRIVAL_CURVE, (purpose) => s.stream(purpose));
    expect(ordersOf(used)).toEqual(ordersOf(fresh));
  });

  it('measures the day: every order delivered or closed by the return rules, failed attempts near the failure rate, on-time delivery the on-time completion', () => {
    const { policies } = runBacktest(request([fifo, rules], { failureRate: 0.2 }));
    for (const { kpis, extraKpis } of policies) {
      expect(kpis.throughputRate.mean * 48).toBeCloseTo(600 - extraKpis!.notDelivered!.mean, 6);
      // Three failures in a row close an order (the default return rules): 0.2³ of them.
      expect(extraKpis!.notDelivered!.mean).toBeLessThan(600 * 0.03);
      expect(extraKpis!.failedAttempts!.mean / 600).toBeGreaterThan(0.15);
      expect(extraKpis!.failedAttempts!.mean / 600).toBeLessThan(0.35);
      expect(extraKpis!.onTimeDeliveryPercent!.mean).toBe(kpis.onTimeCompletionPercent.mean);
      expect(kpis.utilisation.mean).toBeGreaterThan(0);
      expect(kpis.utilisation.mean).toBeLessThan(1);
      expect(kpis.meanPool.mean).toBeGreaterThan(0);
    }
    // The same orders, drives and failures: the policies differ in who goes first, not in what happens.
    expect(policies[0]!.extraKpis!.failedAttempts!.mean).toBe(policies[1]!.extraKpis!.failedAttempts!.mean);
  });

  it('holds each pool to its drivers, and CONWIP to its limit across the pools', () => {
    const [fifoRun, conwip] = runBacktest(request([fifo, { label: 'CONWIP 4', kind: 'conwip', limit: 4 }])).policies;
    for (const point of fifoRun!.series) for (const wip of Object.values(point.wip)) expect(wip).toBeLessThanOrEqual(2 * 3);
    for (const point of conwip!.series) expect(Object.values(point.wip).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(4);
    expect(conwip!.kpis.poolWait.mean).toBeGreaterThan(fifoRun!.kpis.poolWait.mean);
  });

  it('refuses parameters it cannot run, with what to fix', () => {
    expect(() => runBacktest(request([rules], { failureRate: 2 }))).toThrow(BacktestInputError);
    expect(() => runBacktest(request([rules], { failureRate: 2 }))).toThrow(/failureRate/);
  });
});
