import { zonedInstant } from '../trend-buckets.ts';

const DAY_MS = 86_400_000;

/**
 * The zone a site's day is cut in: the one its work areas share (areas name their warehouse and their time
 * zone). A site whose areas disagree, or that has none, is reconciled in UTC, as the trends do for a mixed
 * scope: a day must have one start, and guessing between zones would move orders between days unseen.
 */
export function siteTimeZone(areas: readonly { warehouse: string | null; timeZone: string }[], site: string): string {
  const zones = new Set(areas.filter((a) => a.warehouse === site).map((a) => a.timeZone));
  return zones.size === 1 ? [...zones][0]! : 'UTC';
}

/** The day's first instant and the next day's, in the zone (a day is 23 or 25 hours across a daylight-saving change). */
export function dayBounds(day: string, timeZone: string): { from: Date; to: Date } {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return { from: new Date(zonedInstant(day, 0, timeZone)), to: new Date(zonedInstant(next, 0, timeZone)) };
}

/** The calendar day (YYYY-MM-DD) an instant falls on in the zone. */
export function dayOf(at: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The day before `now`'s day in the zone: what finance closes in the morning. */
export function yesterdayIn(now: Date, timeZone: string): string {
  const today = dayOf(now, timeZone);
  return new Date(Date.parse(`${today}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}
