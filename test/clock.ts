/**
 * Instants relative to the clock the test runs on. Tests build due times from these, never from a
 * literal date, so a test written today still means the same a year from now.
 */
export const hoursFromNow = (hours: number): string => new Date(Date.now() + hours * 3_600_000).toISOString();

const ZONES_FOR_DAYTIME = ['UTC', 'Asia/Tokyo', 'America/New_York'];
/** The hour of the day (0–23) in `zone` at `at`. */
export const hourIn = (zone: string, at: Date): number => Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(at));

/**
 * A time zone where it is daytime at `at` (local hour 01–17), for a work area whose test must not depend on
 * when the suite runs: away from midnight, so the local day does not turn under the test, and before 18:00,
 * when the default release rules keep a delivery with slack for the morning. UTC, UTC+9 and UTC−5/−4
 * between them always have such an hour.
 */
export function zoneInDaytime(at = new Date()): string {
  return ZONES_FOR_DAYTIME.find((zone) => hourIn(zone, at) >= 1 && hourIn(zone, at) <= 17)!;
}
