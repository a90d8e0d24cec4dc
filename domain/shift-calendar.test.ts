import { describe, expect, it } from 'vitest';
import { isInShift, localTime } from './shift-calendar.ts';
import type { ShiftCalendar } from './work-area.ts';

const weekdays = [{ from: '06:00', to: '14:00' }, { from: '14:00', to: '22:00' }];
const calendar: ShiftCalendar = {
  weekly: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays, sat: [{ from: '08:00', to: '12:00' }] },
  exceptions: [{ date: '2026-12-25', hours: [] }, { date: '2026-12-27', hours: [{ from: '10:00', to: '16:00' }] }],
};

describe('shift calendar', () => {
  it('reads an instant in the area’s time zone', () => {
    expect(localTime(new Date('2026-11-23T05:30:00Z'), 'Europe/Amsterdam')).toEqual({ date: '2026-11-23', weekday: 'mon', time: '06:30' });
    expect(localTime(new Date('2026-11-23T05:30:00Z'), 'America/Chicago')).toEqual({ date: '2026-11-22', weekday: 'sun', time: '23:30' });
  });

  it.each([
    { at: '2026-11-23T05:30:00Z', tz: 'Europe/Amsterdam', open: true, why: 'Monday 06:30, first shift' },
    { at: '2026-11-23T04:59:00Z', tz: 'Europe/Amsterdam', open: false, why: 'Monday 05:59, before the first shift' },
    { at: '2026-11-23T13:00:00Z', tz: 'Europe/Amsterdam', open: true, why: 'Monday 14:00, the second shift starts' },
    { at: '2026-11-23T21:00:00Z', tz: 'Europe/Amsterdam', open: false, why: 'Monday 22:00, the second shift has ended' },
    { at: '2026-11-28T10:00:00Z', tz: 'Europe/Amsterdam', open: true, why: 'Saturday 11:00' },
    { at: '2026-11-28T12:00:00Z', tz: 'Europe/Amsterdam', open: false, why: 'Saturday 13:00' },
    { at: '2026-11-29T10:00:00Z', tz: 'Europe/Amsterdam', open: false, why: 'Sunday: no hours' },
    { at: '2026-12-25T10:00:00Z', tz: 'Europe/Amsterdam', open: false, why: 'Christmas Friday: closed by exception' },
    { at: '2026-12-27T10:00:00Z', tz: 'Europe/Amsterdam', open: true, why: 'a Sunday opened by exception' },
    { at: '2026-11-23T12:00:00Z', tz: 'America/Chicago', open: true, why: 'Monday 06:00 in Chicago' },
  ])('$why → $open', ({ at, tz, open }) => {
    expect(isInShift(calendar, tz, new Date(at))).toBe(open);
  });

  it('an area without a calendar always works', () => {
    expect(isInShift(null, 'UTC', new Date('2026-11-29T03:00:00Z'))).toBe(true);
  });
});
