import { z } from 'zod';
import { ID_MAX, oneLine } from './text.ts';
import { TREND_EVENTS } from './trend-events.ts';
import { instantInput } from './instant-input.ts';

/** Shifts are the three eight-hour blocks of a local day (00–08, 08–16, 16–24); weeks count from the period's first day. */
export const TREND_BUCKETS = ['shift', 'day', 'week'] as const;
export type TrendBucket = (typeof TREND_BUCKETS)[number];
export const BUCKET_HOURS: Record<TrendBucket, number> = { shift: 8, day: 24, week: 168 };

// A quarter of days, or three weeks of shifts, keeps a chart readable and the query's groups few.
export const MAX_TREND_DAYS = 92;
export const MAX_TREND_BUCKETS = 100;

/** The upper edges (hours) of the histogram bins of cycle time and pool age; the last bin is open. */
export const HOUR_BIN_EDGES = [0.25, 0.5, 1, 2, 4, 8, 12, 24, 48, 72, 120, 168] as const;

// Years Sluice can have history in; a bucket's end past year 9999 would not be a date.
const day = z.iso
  .date({ message: 'a date as YYYY-MM-DD' })
  .max(10)
  .refine((d) => d >= '1970-01-01' && d <= '9998-12-31', 'a date from 1970 to 9998');

export const trendsQuery = z
  .object({
    from: day.describe('The first day of the period, in the areas’ time zone.'),
    to: day.describe('The last day of the period (included).'),
    bucket: z.enum(TREND_BUCKETS).default('day'),
    site: oneLine(50).optional().describe('Only the areas of this site (their warehouse).'),
    areaId: oneLine(ID_MAX).optional().describe('Only this work area.'),
  })
  .superRefine((q, ctx) => {
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'the period ends before it starts' });
    else if (days > MAX_TREND_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `a period of at most ${MAX_TREND_DAYS} days` });
    else if (Math.ceil((days * 24) / BUCKET_HOURS[q.bucket]) > MAX_TREND_BUCKETS)
      ctx.addIssue({ code: 'custom', path: ['bucket'], message: `at most ${MAX_TREND_BUCKETS} buckets: choose a longer bucket or a shorter period` });
  });
export type TrendsQuery = z.infer<typeof trendsQuery>;

const percent = z.number().nullable();
const hourPercentiles = z.object({ count: z.number(), p50: z.number().nullable(), p90: z.number().nullable() });
export type HourPercentiles = z.infer<typeof hourPercentiles>;

export const trendPoint = z.object({
  from: z.string().describe('The bucket’s start (an instant).'),
  to: z.string().describe('The bucket’s end, excluded.'),
  label: z.string(),
  released: z.number(),
  releasedLate: z.number(),
  /** Released at or before the planned release time (due time minus the area's planned lead time). */
  onTimeReleasePercent: percent,
  completed: z.number(),
  completedLate: z.number(),
  /** Completed (or delivered) at or before the due time. */
  onTimeCompletionPercent: percent,
  /** Areas' pool length averaged over their release cycles in the bucket, then spread across them (operating measures' spread). */
  queueBalance: z.object({ areas: z.number(), meanPool: z.number(), spread: z.number(), coefficientOfVariation: z.number().nullable() }),
  /** Work in process over the WIP limit, averaged over the release cycles (areas with a limit); the highest cycle's too. */
  wipPercentOfLimit: z.object({ mean: percent, peak: percent }),
  /** Released load over the workload norm, averaged over the cycles (areas with a norm). */
  loadPercentOfNorm: z.object({ mean: percent, peak: percent }),
  /** Hours from entering the pool to release, of the orders released in the bucket. */
  poolAgeHours: hourPercentiles,
  escalationsOpened: z.number(),
  escalationsResolved: z.number(),
  /** Hours from release to completion, of the orders completed in the bucket. */
  cycleTimeHours: hourPercentiles,
});
export type TrendPoint = z.infer<typeof trendPoint>;

export const trends = z.object({
  timeZone: z.string().describe('The zone the buckets are cut in: the areas’ own when they share one, else UTC.'),
  bucket: z.enum(TREND_BUCKETS),
  from: z.string(),
  to: z.string(),
  areaIds: z.array(z.string()),
  points: z.array(trendPoint),
  /** The period's cycle times: orders per bin, bins' upper edges in HOUR_BIN_EDGES (the last bin open). */
  cycleTimeHistogram: z.array(z.object({ fromHours: z.number(), toHours: z.number().nullable(), orders: z.number() })),
});
export type Trends = z.infer<typeof trends>;


const instant = instantInput('an instant, e.g. 2030-01-31T08:00:00Z');

/** The orders list's filter for the orders behind a figure: `moved` in [movedFrom, movedTo), late ones only, in these areas. */
export const orderMoveQuery = {
  moved: z.enum(TREND_EVENTS).optional().describe('Only orders that made this move in the range: released, completed (or delivered), escalated, resolved (left an escalation).'),
  movedFrom: instant.optional(),
  movedTo: instant.optional(),
  late: z.enum(['true', 'false']).optional().describe('With moved=released or completed: only the moves after the planned release time, or after the due time.'),
  areas: z
    .string()
    .max(2000)
    .regex(/^[^\s,]+(,[^\s,]+)*$/, 'work area ids separated by commas')
    .optional()
    .describe('Only orders of these work areas (ids separated by commas).'),
};

/** The move filter is whole: a move with its range, or nothing of it. */
export function checkOrderMoveQuery(q: { moved?: string; movedFrom?: string; movedTo?: string; late?: string; areas?: string }, ctx: z.RefinementCtx): void {
  if (q.moved === undefined) {
    if (q.movedFrom ?? q.movedTo ?? q.late ?? q.areas) ctx.addIssue({ code: 'custom', path: ['moved'], message: 'movedFrom, movedTo, late and areas filter the orders that made a move: name it' });
    return;
  }
  if (q.movedFrom === undefined || q.movedTo === undefined) ctx.addIssue({ code: 'custom', path: ['movedFrom'], message: 'a move is looked for in a range: give movedFrom and movedTo' });
  else if (!(Date.parse(q.movedFrom) < Date.parse(q.movedTo))) ctx.addIssue({ code: 'custom', path: ['movedTo'], message: 'the range ends before it starts' });
  else if (Date.parse(q.movedTo) - Date.parse(q.movedFrom) > (MAX_TREND_DAYS + 1) * 86_400_000) ctx.addIssue({ code: 'custom', path: ['movedTo'], message: `a range of at most ${MAX_TREND_DAYS} days` });
}
