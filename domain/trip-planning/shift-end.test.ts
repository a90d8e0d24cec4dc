import { describe, expect, it } from 'vitest';
import { WEEKDAYS, type ShiftCalendar } from '../work-area.ts';
import { shiftEndAt } from './shift-end.ts';

/** Today at 10:00 UTC: the calendars below hold every weekday alike, so the day does not matter. */
const tenAm = new Date(new Date().setUTCHours(10, 0, 0, 0));
const everyDay = (from: string, to: string): ShiftCalendar => ({ weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, [{ from, to }]])), exceptions: [] });
const hours = (h: number) => new Date(tenAm.getTime() + h * 3_600_000);

describe('when a driver pool\'s current shift ends', () => {
  it.each([
    { name: 'no calendar: the caller\'s default shift', calendar: null, timeZone: 'UTC', expected: undefined },
    { name: 'in a shift to 16:00', calendar: everyDay('08:00', '16:00'), timeZone: 'UTC', expected: hours(6) },
    { name: 'in a shift to midnight', calendar: everyDay('06:00', '24:00'), timeZone: 'UTC', expected: hours(14) },
    { name: 'before the shift starts', calendar: everyDay('12:00', '16:00'), timeZone: 'UTC', expected: null },
    { name: 'in the area\'s time zone (UTC+5:30: 15:30 there, shift to 16:00)', calendar: everyDay('08:00', '16:00'), timeZone: 'Asia/Kolkata', expected: hours(0.5) },
  ])('$name', ({ calendar, timeZone, expected }) => {
    expect(shiftEndAt(calendar, timeZone, tenAm)).toEqual(expected);
  });
});
