import { z } from 'zod';
import { WORK_AREA_STATUSES } from './work-area.ts';

export const areaMeasures = z.object({
  workAreaId: z.string(),
  status: z.enum(WORK_AREA_STATUSES),
  inShift: z.boolean(),
  /** Orders waiting in the area's pool. */
  poolLength: z.number(),
  /** Orders released into the area and not finished. */
  wip: z.number(),
  /** What counts against the limit: `wip`, or the units of those orders for a limit in units. */
  load: z.number(),
  /** Null: the area has no WIP limit. */
  limit: z.number().nullable(),
  unit: z.enum(['orders', 'units']),
  /** load ÷ limit; above 1 only through audited overrides. Null without a limit. */
  utilization: z.number().nullable(),
  /**
   * Areas with a workload norm: the released load (hours of released work's operations there not yet done,
   * corrected as its cycles count them), the direct load (plain hours of operations arrived there and not done), and the norm.
   */
  workload: z.object({ hours: z.number(), directHours: z.number(), normHours: z.number() }).nullable(),
  oldestWaitMinutes: z.number().nullable(),
  released: z.number(),
  /** Released after their planned release time (due time minus the area's planned lead time). */
  releasedLate: z.number(),
  onTimeReleasePercent: z.number().nullable(),
});
export type AreaMeasures = z.infer<typeof areaMeasures>;

const spread = z.object({ min: z.number(), max: z.number(), mean: z.number(), spread: z.number(), coefficientOfVariation: z.number().nullable() });
export type Spread = z.infer<typeof spread>;

export const operatingMeasures = z.object({
  at: z.string(),
  areas: z.array(areaMeasures),
  /** How evenly pool and work in process are spread over the areas (spread = max − min); utilization over the areas with a WIP limit. */
  queueBalance: z.object({ pool: spread, wip: spread, utilization: spread }),
});
export type OperatingMeasures = z.infer<typeof operatingMeasures>;
