import { z } from 'zod';
import { oneLine, paragraph } from '../text.ts';
import { DISCREPANCY_KINDS } from './discrepancy-kinds.ts';

export { DISCREPANCY_KINDS, DISCREPANCY_LABELS, type DiscrepancyKind } from './discrepancy-kinds.ts';

/** A site is a warehouse: the `warehouse` orders and work areas name. */
export const site = oneLine(50, 'a site (warehouse) is required');

/** A calendar day, YYYY-MM-DD, in the site's time zone (site-day.ts says which zone that is). */
export const reconciliationDay = z
  .string()
  .trim()
  .max(10, 'a day as YYYY-MM-DD')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
  .refine((d) => {
    const at = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === d;
  }, 'a calendar day that exists, as YYYY-MM-DD');

export const siteDayQuery = z.object({ site, day: reconciliationDay });
export type SiteDay = z.infer<typeof siteDayQuery>;

export const REOPEN_REASON_MAX = 500;
export const reopenInput = z.strictObject({ reason: paragraph(REOPEN_REASON_MAX, 'a reason is required to reopen a signed-off day') });

export const discrepancy = z.object({
  kind: z.enum(DISCREPANCY_KINDS),
  orderId: z.string(),
  reference: z.string().nullable(),
  /** The driver, for the money kinds. */
  driver: z.string().nullable(),
  /** The difference in money (collected − expected, remitted − collected), for the money kinds. */
  amount: z.number().nullable(),
  message: z.string(),
  /** The app's link to the order, where the action that settles it is taken. */
  href: z.string(),
});
export type Discrepancy = z.infer<typeof discrepancy>;

export const driverCash = z.object({
  driver: z.string(),
  orders: z.number().int(),
  expected: z.number(),
  collected: z.number(),
  remitted: z.number(),
  /** remitted − collected: negative when the driver remitted less than they collected. */
  remitVariance: z.number(),
});
export type DriverCash = z.infer<typeof driverCash>;

export const reconciliationFigures = z.object({
  captured: z.number().int(),
  released: z.number().int(),
  /** Finished on the day, delivered or completed: the orders shipped, which the invoices issued are held against. */
  completed: z.number().int(),
  notClosed: z.number().int(),
  invoicesIssued: z.number().int(),
  codExpected: z.number(),
  codCollected: z.number(),
  codRemitted: z.number(),
});
export type ReconciliationFigures = z.infer<typeof reconciliationFigures>;

export const reconciliationReport = z.object({
  site: z.string(),
  day: z.string(),
  timeZone: z.string(),
  from: z.string().describe('The day\'s first instant (inclusive), in UTC.'),
  to: z.string().describe('The next day\'s first instant (exclusive), in UTC.'),
  figures: reconciliationFigures,
  drivers: z.array(driverCash),
  discrepancies: z.array(discrepancy),
  /** How many discrepancies there are; more than listed when a kind had more than the cap. */
  discrepancyTotal: z.number().int(),
  truncated: z.boolean(),
});
export type ReconciliationReport = z.infer<typeof reconciliationReport>;

export const signOff = z.object({
  signedOffBy: z.string(),
  signedOffAt: z.string(),
  /** SHA-256 of the report as signed off (its canonical JSON). */
  sha256: z.string(),
});

export const dayStatus = z.object({
  status: z.enum(['open', 'signed_off', 'reopened']),
  signOff: signOff.nullable(),
  reopened: z.object({ by: z.string(), at: z.string(), reason: z.string() }).nullable(),
});
export type DayStatus = z.infer<typeof dayStatus>;

/** A day as GET answers it: the report (the snapshot when signed off, else computed now) and its status. */
export const reconciliationDayView = z.object({ report: reconciliationReport, status: dayStatus, sites: z.array(z.string()) });
export type ReconciliationDayView = z.infer<typeof reconciliationDayView>;
