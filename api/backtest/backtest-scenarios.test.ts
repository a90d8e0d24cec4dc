import { describe, expect, it } from 'vitest';
import { BacktestInputError } from '../../sim/backtest-input-error.ts';
import { jobShop } from '../../sim/scenarios/job-shop.ts';
import type { Scenario } from '../../sim/scenarios/scenario.ts';
import { defaultsOf } from './backtest-scenarios.ts';

describe('a backtest scenario\'s defaults', () => {
  it.each([
    { what: 'the job shop offers its settings', parse: (p: Record<string, unknown>) => jobShop.parseParams(p), expected: expect.objectContaining({ centres: 6, utilisation: 0.9 }) },
    { what: 'a scenario whose parameters are required offers none', parse: () => { throw new BacktestInputError('name the day'); }, expected: {} },
    { what: 'only plain values are offered to be edited', parse: () => ({ date: '', norms: [4, 5], nested: { a: 1 }, replay: true, norm: null }), expected: { date: '', replay: true, norm: null } },
  ])('$what', ({ parse, expected }) => {
    expect(defaultsOf({ ...(jobShop as Scenario<unknown>), parseParams: parse })).toEqual(expected);
  });
});
