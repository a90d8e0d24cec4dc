import { jobShop } from './job-shop.ts';
import type { Scenario } from './scenario.ts';

/** Every scenario the simulator runs, by the name a backtest request gives. */
export const SCENARIOS: Record<string, Scenario<unknown>> = {
  [jobShop.name]: jobShop,
};
