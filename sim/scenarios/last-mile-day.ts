import { z } from 'zod';
import { BacktestInputError } from '../backtest-input-error.ts';
import { simulateLastMileDay } from './last-mile/last-mile-day.ts';
import { lastMileParams, type LastMileParams } from './last-mile/last-mile-params.ts';
import type { Scenario } from './scenario.ts';

/** A last-mile day (docs/simulation.md): zones with driver pools, on-demand and scheduled deliveries, cash on delivery, failed attempts. */
export const lastMileDay: Scenario<LastMileParams> = {
  name: 'last-mile-day',
  about: 'A last-mile day: driver pools per zone, on-demand and scheduled deliveries, cash on delivery, failed attempts, morning and evening peaks',
  // The day, and the night after it for the evening's orders to be delivered; a day has no warm-up.
  horizon: 48,
  warmUp: 0,
  parseParams(params) {
    const parsed = lastMileParams.safeParse(params);
    if (!parsed.success) throw new BacktestInputError(`Last-mile day parameters: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  },
  replicate: simulateLastMileDay,
};
