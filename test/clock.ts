import { localTime } from '../domain/shift-calendar.ts';

/**
 * Instants relative to the clock the test runs on. Tests build due times from these, never from a
 * literal date, so a test written today still means the same a year from now.
 */
export const hoursFromNow = (hours: number): string => new Date(Date.now() + hours * 3_600_000).toISOString();

const ZONES_FOR_DAYTIME = ['UTC', 'Asia/Tokyo', 'America/New_York'];
/** The hour of the day (0–23) in `zone` at `at`, read as the release cycle reads an area's `hourOfDay`. */
export const hourIn = (zone: string, at: Date): number => Number(localTime(at, zone).time.slice(0, 2));

/**
 * A time zone where it is daytime at `at` (local hour 01–17), for a work area whose test must not depend on
 * when the suite runs: away from midnight, so the local day does not turn under the test, and before 18:00,
 * when the default release rules keep a delivery with slack for the morning. UTC, UTC+9 and UTC−5/−4
 * between them always have such an hour.
 */
export function zoneInDaytime(at = new Date()): string {
  return ZONES_FOR_DAYTIME.find((zone) => {
    const hour = hourIn(zone, at);
    return hour >= 1 && hour <= 17;
  })!;
}
