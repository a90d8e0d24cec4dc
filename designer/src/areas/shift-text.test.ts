import { describe, expect, it } from 'vitest';
import { shiftCalendar } from '../../../domain/work-area.ts';
import { calendarOf, formatExceptions, parseExceptions, parseHours, shiftErrors, weeklyText } from './shift-text.ts';

const closedWeek = weeklyText(null);

describe('shift calendar text', () => {
  it.each([
    { text: '', hours: [] },
    { text: '06:00-14:00', hours: [{ from: '06:00', to: '14:00' }] },
    { text: ' 06:00 - 14:00 , 14:00-22:00 ', hours: [{ from: '06:00', to: '14:00' }, { from: '14:00', to: '22:00' }] },
    { text: 'mornings', hours: [{ from: 'mornings', to: '' }] },
    { text: '06:00-10:00-12:00', hours: [{ from: '06:00-10:00-12:00', to: '' }] },
  ])('reads "$text" as hours', ({ text, hours }) => {
    expect(parseHours(text)).toEqual(hours);
  });

  it('reads one exception a line, a bare date being a closed day, and writes them back alike', () => {
    const text = '2030-12-24 06:00-12:00\n\n2030-12-25';
    const exceptions = parseExceptions(text);
    expect(exceptions).toEqual([
      { date: '2030-12-24', hours: [{ from: '06:00', to: '12:00' }] },
      { date: '2030-12-25', hours: [] },
    ]);
    expect(formatExceptions(exceptions)).toBe('2030-12-24 06:00-12:00\n2030-12-25');
  });

  it('makes no calendar of an empty week without exceptions: the area is always open', () => {
    expect(calendarOf(closedWeek, ' ')).toBeNull();
  });

  it('keeps only the days with hours, and round-trips through the weekly text', () => {
    const calendar = calendarOf({ ...closedWeek, mon: '06:00-14:00', sat: '08:00-12:00' }, '');
    expect(calendar).toEqual({ weekly: { mon: [{ from: '06:00', to: '14:00' }], sat: [{ from: '08:00', to: '12:00' }] }, exceptions: [] });
    expect(weeklyText(calendar)).toEqual({ ...closedWeek, mon: '06:00-14:00', sat: '08:00-12:00' });
  });

  it('leaves text that is not hours to the shared schema, which says what it wants', () => {
    const result = shiftCalendar.safeParse(calendarOf({ ...closedWeek, tue: 'mornings' }, '24 Dec'));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(expect.arrayContaining(['a time of day as HH:MM, e.g. 06:00', 'a date as YYYY-MM-DD']));
  });

  it('says under each input what the shared schema finds wrong there, the format before the length', () => {
    expect(shiftErrors(calendarOf({ ...closedWeek, mon: '06:00-14:00', tue: 'mornings', wed: '14:00-06:00' }, '2030-12-24 06:00-12:00\n24 Dec'))).toEqual({
      tue: 'A time of day as HH:MM, e.g. 06:00',
      wed: 'A shift ends after it starts (split a night shift at midnight)',
      exceptions: 'Line 2: a date as YYYY-MM-DD',
    });
    expect(shiftErrors(calendarOf({ ...closedWeek, mon: '06:00-14:00' }, ''))).toEqual({});
    expect(shiftErrors(null)).toEqual({});
  });
});
