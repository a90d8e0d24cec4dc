import { jobShop } from './job-shop.ts';
import { lastMileDay } from './last-mile-day.ts';
import { recordedDay } from './recorded-day.ts';
import type { Scenario } from './scenario.ts';

/** Every scenario the simulator runs, by the name a backtest request gives. */
export const SCENARIOS: Record<string, Scenario<unknown>> = {
  [jobShop.name]: jobShop,
  [lastMileDay.name]: lastMileDay,
  [recordedDay.name]: recordedDay,
};
