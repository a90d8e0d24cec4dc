import { describe, expect, it } from 'vitest';
import { msUntilNextRelease } from './release-period.ts';
import { CONTINUOUS, releasePeriod, type ReleasePeriod } from './work-area.ts';

const MIN = 60_000;
// A clock the test sets: local 10:20:30 in UTC, 11:20:30 in Amsterdam (winter).
const now = new Date(Date.UTC(2027, 0, 12, 10, 20, 30));
const every = (everyMinutes: number): ReleasePeriod => ({ mode: 'periodic', everyMinutes, atTimes: [] });
const at = (...atTimes: string[]): ReleasePeriod => ({ mode: 'periodic', everyMinutes: null, atTimes });

describe('the next periodic release', () => {
  it.each([
    { name: 'continuous release has no period', period: CONTINUOUS, timeZone: 'UTC', expected: null },
    { name: 'every 4 hours counts from local midnight', period: every(240), timeZone: 'UTC', expected: 99.5 * MIN },
    { name: 'every 15 minutes', period: every(15), timeZone: 'UTC', expected: 9.5 * MIN },
    { name: 'a period that does not divide the day restarts at midnight', period: every(7 * 60), timeZone: 'UTC', expected: (14 * 60 - 620.5) * MIN },
    { name: 'the next set time later today', period: at('14:00', '06:00', '22:00'), timeZone: 'UTC', expected: (14 * 60 - 620.5) * MIN },
    { name: 'the first set time tomorrow when today’s have passed', period: at('06:00'), timeZone: 'UTC', expected: (24 * 60 + 360 - 620.5) * MIN },
    { name: 'set times are in the area’s time zone', period: at('12:00'), timeZone: 'Europe/Amsterdam', expected: 39.5 * MIN },
  ])('$name', ({ period, timeZone, expected }) => {
    expect(msUntilNextRelease(period, timeZone, now)).toBe(expected);
  });
});

describe('a release period as an area states it', () => {
  it.each([
    { name: 'continuous', input: { mode: 'continuous' }, error: null },
    { name: 'every N minutes', input: { mode: 'periodic', everyMinutes: 240 }, error: null },
    { name: 'at set times', input: { mode: 'periodic', atTimes: ['06:00', '14:00'] }, error: null },
    { name: 'periodic with no period', input: { mode: 'periodic' }, error: 'periodic release needs one period: every N minutes, or times of day (not both)' },
    { name: 'periodic with both', input: { mode: 'periodic', everyMinutes: 60, atTimes: ['06:00'] }, error: 'periodic release needs one period: every N minutes, or times of day (not both)' },
    { name: 'continuous with a period', input: { mode: 'continuous', everyMinutes: 60 }, error: 'continuous release takes no period' },
    { name: 'a time that is not one', input: { mode: 'periodic', atTimes: ['25:00'] }, error: 'a time of day as HH:MM, e.g. 06:00' },
  ])('$name', ({ input, error }) => {
    const parsed = releasePeriod.safeParse(input);
    expect(parsed.success ? null : parsed.error.issues[0]!.message).toBe(error);
  });
});
