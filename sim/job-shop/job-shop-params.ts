import { z } from 'zod';

/**
 * The standard workload-control job shop's settings (see docs/simulation.md for the sources). Times in hours:
 * the shop's time unit is one hour, so the rules' hour-based facts mean what they say.
 */
export const jobShopParams = z.strictObject({
  /** Work centres, each one machine; every one is a gateway of one release group. */
  centres: z.number().int().min(1).max(50).default(6),
  /** Expected utilisation of every centre; the arrival rate follows from it. */
  utilisation: z.number().gt(0).max(0.99).default(0.9),
  /** Operations per order, uniform; routings visit distinct centres in random order. */
  minRouting: z.number().int().min(1).max(50).default(1),
  maxRouting: z.number().int().min(1).max(50).default(6),
  /** Processing times: a 2-Erlang with this mean after truncation at `maxProcessing`. */
  meanProcessing: z.number().gt(0).max(100).default(1),
  maxProcessing: z.number().gt(0).max(1000).default(4),
  /** Due date = entry + U[dueMin, dueMax]. */
  dueMin: z.number().min(0).max(10_000).default(35),
  dueMax: z.number().min(0).max(10_000).default(60),
  /** Each centre's planned lead time (the queue allowance of an operation there, besides its own hours). */
  plannedLeadTimeHours: z.number().min(0).max(1000).default(4),
  /** Workload norm per centre in position-corrected hours; null: no norm (release by period alone). */
  norm: z.number().gt(0).max(10_000).nullable().default(null),
  /** Hours between periodic releases. */
  period: z.number().gt(0).max(10_000).default(4),
  /** Release at once the best order starting at a centre whose direct queue empties, whatever the norms. */
  starvationTrigger: z.boolean().default(true),
  /**
   * When an order's load leaves a centre: when its operation there is done (workload control), or only when
   * the whole order completes (how Sluice's store fed the cycle before issue #16; kept to show the difference).
   */
  loadLeaves: z.enum(['operation', 'order']).default('operation'),
  /** Floor dispatching: first come first served, or earliest operation due date. */
  dispatching: z.enum(['fcfs', 'odd']).default('fcfs'),
}).refine((p) => p.minRouting <= p.maxRouting && p.maxRouting <= p.centres, { message: 'routing lengths need minRouting ≤ maxRouting ≤ centres' })
  .refine((p) => p.dueMin <= p.dueMax, { message: 'dueMin must not exceed dueMax' })
  .refine((p) => p.meanProcessing < p.maxProcessing / 2, { message: 'a 2-Erlang truncated at maxProcessing needs meanProcessing below half of it' });
export type JobShopParams = z.infer<typeof jobShopParams>;
