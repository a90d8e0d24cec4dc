import { shiftCalendar, WEEKDAYS, type ShiftCalendar, type ShiftHours, type Weekday } from '../../../domain/work-area.ts';
import { sentence } from '../format/labels.ts';

/**
 * A shift calendar as a person types it: a day's hours as `06:00-14:00, 14:00-22:00` (empty: closed),
 * and one exception a line, `2026-12-24 06:00-12:00` or a bare date for a closed day. Text that is not
 * hours is kept as a `from` the shared schema refuses, so the form shows the schema's own message.
 */
export function parseHours(text: string): ShiftHours[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [from = '', to = '', ...rest] = part.split('-').map((s) => s.trim());
      return rest.length > 0 ? { from: part, to: '' } : { from, to };
    });
}

export const formatHours = (hours: readonly ShiftHours[] | undefined): string => (hours ?? []).map((h) => `${h.from}-${h.to}`).join(', ');

export function parseExceptions(text: string): ShiftCalendar['exceptions'] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [date = '', ...hours] = line.split(/\s+/);
      return { date, hours: parseHours(hours.join(' ')) };
    });
}

export const formatExceptions = (exceptions: ShiftCalendar['exceptions']): string =>
  exceptions.map((e) => [e.date, formatHours(e.hours)].filter((s) => s !== '').join(' ')).join('\n');

export type WeeklyText = Record<Weekday, string>;

export const weeklyText = (calendar: ShiftCalendar | null): WeeklyText =>
  Object.fromEntries(WEEKDAYS.map((d) => [d, formatHours(calendar?.weekly[d])])) as WeeklyText;

/** Days left empty are closed; a calendar with no day and no exception is none (always open). */
export function calendarOf(weekly: WeeklyText, exceptions: string): ShiftCalendar | null {
  const days = WEEKDAYS.filter((d) => weekly[d].trim() !== '');
  const dated = parseExceptions(exceptions);
  if (days.length === 0 && dated.length === 0) return null;
  return { weekly: Object.fromEntries(days.map((d) => [d, parseHours(weekly[d])])), exceptions: dated };
}

/** The shared schema's first word on each weekday's hours (`mon`…) and on the exceptions (by line), so each input shows its own. */
export function shiftErrors(calendar: ShiftCalendar | null): Partial<Record<Weekday | 'exceptions', string>> {
  const errors: Partial<Record<Weekday | 'exceptions', string>> = {};
  for (const { path, message } of shiftCalendar.nullable().safeParse(calendar).error?.issues ?? []) {
    const [section, at] = path;
    if (section === 'weekly') errors[at as Weekday] ??= sentence(message);
    else errors.exceptions ??= typeof at === 'number' ? `Line ${at + 1}: ${message}` : sentence(message);
  }
  return errors;
}
