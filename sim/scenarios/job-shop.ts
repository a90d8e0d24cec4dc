import { z } from 'zod';
import { BacktestInputError } from '../backtest-input-error.ts';
import { replicateJobShop } from '../job-shop/job-shop-model.ts';
import { jobShopParams, type JobShopParams } from '../job-shop/job-shop-params.ts';
import type { Scenario } from './scenario.ts';

/** The standard workload-control job shop (docs/simulation.md): six centres, one release group, norms on position-corrected load. */
export const jobShop: Scenario<JobShopParams> = {
  name: 'job-shop',
  about: 'The standard workload-control job shop: 6 centres, random routings of 1–6, 90% utilisation, periodic release with the starvation trigger',
  horizon: 13_000,
  warmUp: 3_000,
  parseParams(params) {
    const parsed = jobShopParams.safeParse(params);
    if (!parsed.success) throw new BacktestInputError(`Job shop parameters: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  },
  replicate: replicateJobShop,
};
