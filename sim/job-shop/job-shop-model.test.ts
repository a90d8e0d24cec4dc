import { describe, expect, it } from 'vitest';
import { runBacktest } from '../backtest.ts';
import { IMMEDIATE } from './job-shop-policies.ts';

const run = (params: Record<string, unknown>) =>
  runBacktest({ scenario: 'job-shop', params, policies: [IMMEDIATE], replications: 2, seed: 11, horizon: 1500, warmUp: 300 }).policies[0]!.kpis;

describe('the job shop model', () => {
  const fcfs = run({});

  it.each([
    { name: 'operation due dates on the floor cut % tardy against first come first served', params: { dispatching: 'odd' }, check: (k: typeof fcfs) => expect(k.percentTardy.mean).toBeLessThan(fcfs.percentTardy.mean) },
    { name: 'a lower utilisation keeps the centres less busy', params: { utilisation: 0.6 }, check: (k: typeof fcfs) => expect(k.utilisation.mean).toBeLessThan(0.7) },
    { name: 'one-operation routings go through in about their processing time plus the queue', params: { maxRouting: 1, utilisation: 0.3 }, check: (k: typeof fcfs) => expect(k.floorTime.mean).toBeLessThan(2) },
  ])('$name', ({ params, check }) => {
    check(run(params));
  });

  it('runs at the utilisation it is set to', () => {
    expect(fcfs.utilisation.mean).toBeGreaterThan(0.85);
    expect(fcfs.utilisation.mean).toBeLessThan(0.95);
  });
});
