import { z } from 'zod';
import { oneLine } from './text.ts';

export const WORK_AREA_KINDS = ['production_line', 'pick_zone', 'pack_station', 'driver_pool'] as const;
export type WorkAreaKind = (typeof WORK_AREA_KINDS)[number];

/** The kind of area that works each kind of order: what makes an area a candidate for an order without one. */
export const AREA_KIND_FOR: Record<'production' | 'pick' | 'on_demand' | 'pickup' | 'delivery' | 'pickup_delivery', WorkAreaKind> = {
  production: 'production_line',
  pick: 'pick_zone',
  on_demand: 'driver_pool',
  pickup: 'driver_pool',
  delivery: 'driver_pool',
  pickup_delivery: 'driver_pool',
};
/** Open areas release work; paused ones hold their pool for a while (overflow); stopped ones are down. */
export const WORK_AREA_STATUSES = ['open', 'paused', 'stopped'] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

// The pattern first: a person who typed "mornings" is told the format, not the length.
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time of day as HH:MM, e.g. 06:00').max(5);
const shiftHours = z
  .strictObject({ from: clock, to: clock })
  .refine((h) => h.from < h.to, { message: 'a shift ends after it starts (split a night shift at midnight)' });
export type ShiftHours = z.infer<typeof shiftHours>;

/**
 * When an area works, in its own time zone: open hours per weekday, and dated exceptions (a holiday,
 * an extra Saturday) that replace the weekday's hours. No calendar: the area is always open.
 */
const MAX_SHIFTS_A_DAY = 24;

export const shiftCalendar = z.strictObject({
  weekly: z.partialRecord(z.enum(WEEKDAYS), z.array(shiftHours).max(MAX_SHIFTS_A_DAY)),
  exceptions: z
    .array(z.strictObject({ date: z.iso.date({ message: 'a date as YYYY-MM-DD' }).max(10), hours: z.array(shiftHours).max(MAX_SHIFTS_A_DAY) }))
    .max(1000, 'at most 1,000 dated exceptions')
    .default([]),
});
export type ShiftCalendar = z.infer<typeof shiftCalendar>;

export const LOAD_CORRECTIONS = ['plain', 'position'] as const;
export type LoadCorrection = (typeof LOAD_CORRECTIONS)[number];

export const capacityModel = z.strictObject({
  /** What the WIP limit counts: orders, or units (the order lines' quantities). */
  unit: z.enum(['orders', 'units']).default('orders'),
  /** None (null, said explicitly): no WIP limit, so the norms alone govern; with no norm either, the area releases all its rules let go. */
  wipLimit: z.number().int().positive('the WIP limit is at least 1').max(1_000_000).nullable(),
  /** Optional workload norm: hours of released, unfinished work the area may hold. */
  workloadNormHours: z.number().positive().max(1_000_000).nullable().default(null),
  /** How a routing's operation counts against the norm: its hours, or its hours divided by its position in the routing. */
  loadCorrection: z.enum(LOAD_CORRECTIONS).default('position'),
  /** Starvation release: with nothing in process, the area takes the best pool order that only its norms hold back. */
  starvationRelease: z.boolean().default(false),
});
export type CapacityModel = z.infer<typeof capacityModel>;

/**
 * When an area's release cycles run: continuous (on every change, and a tick), or periodic — every N
 * minutes counted from midnight in the area's time zone, or at set times of day there (e.g. once per
 * shift). Periodically, changes do not run cycles; the period does, and the starvation trigger at once.
 */
export const releasePeriod = z
  .strictObject({
    mode: z.enum(['continuous', 'periodic']).default('continuous'),
    everyMinutes: z.number().int().min(1, 'a period of at least 1 minute').max(7 * 24 * 60, 'a period of at most a week').nullable().default(null),
    atTimes: z.array(clock).max(48, 'at most 48 release times a day').default([]),
  })
  .refine((p) => p.mode === 'continuous' || (p.everyMinutes !== null) !== (p.atTimes.length > 0), {
    message: 'periodic release needs one period: every N minutes, or times of day (not both)',
  })
  .refine((p) => p.mode === 'periodic' || (p.everyMinutes === null && p.atTimes.length === 0), { message: 'continuous release takes no period' });
export type ReleasePeriod = z.infer<typeof releasePeriod>;
export const CONTINUOUS: ReleasePeriod = { mode: 'continuous', everyMinutes: null, atTimes: [] };

export const timeZone = oneLine(64).refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'an IANA time zone, e.g. Europe/Amsterdam' },
);

/** What an admin or ops manager sets; `id` is fixed once created. */
export const workAreaSettings = z.strictObject({
  name: oneLine(100),
  kind: z.enum(WORK_AREA_KINDS),
  zone: oneLine(50).nullable().default(null),
  /** The site the area belongs to; orders naming a warehouse go only to its areas (none: the area serves every site). */
  warehouse: oneLine(50).nullable().default(null),
  timeZone: timeZone.default('UTC'),
  status: z.enum(WORK_AREA_STATUSES).default('open'),
  capacity: capacityModel,
  shiftCalendar: shiftCalendar.nullable().default(null),
  /** Planned hours from release to due: an order should be released by its due time minus these. */
  plannedLeadTimeHours: z.number().nonnegative().max(10_000).default(0),
  releasePeriod: releasePeriod.default(CONTINUOUS),
});
export type WorkAreaSettings = z.infer<typeof workAreaSettings>;

export const newWorkArea = workAreaSettings.extend({
  id: z.string().trim().max(40).regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, e.g. pick-b'),
});

export const workArea = workAreaSettings.extend({ id: z.string() });
export type WorkArea = z.infer<typeof workArea>;
export type WorkAreaStatus = WorkArea['status'];

/** The area's last open, pause or stop: who (and their name, for a person), why and when; from its audit trail. */
export const workAreaStatusChange = z.object({
  status: z.enum(WORK_AREA_STATUSES),
  actor: z.string(),
  actorDisplayName: z.string().nullable(),
  reason: z.string().nullable(),
  at: z.iso.datetime(),
});
export type WorkAreaStatusChange = z.infer<typeof workAreaStatusChange>;
