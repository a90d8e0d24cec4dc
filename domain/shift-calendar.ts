import type { ShiftCalendar, Weekday } from './work-area.ts';

const WEEKDAY_OF: Record<string, Weekday> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The date, weekday and time of day an instant is in a time zone. */
export function localTime(at: Date, timeZone: string): { date: string; weekday: Weekday; time: string } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${part.year}-${part.month}-${part.day}`, weekday: WEEKDAY_OF[part.weekday!]!, time: `${part.hour}:${part.minute}` };
}

/** Whether an area with this calendar works at an instant. No calendar: always. */
export function isInShift(calendar: ShiftCalendar | null, timeZone: string, at: Date): boolean {
  if (!calendar) return true;
  const { date, weekday, time } = localTime(at, timeZone);
  const hours = calendar.exceptions.find((e) => e.date === date)?.hours ?? calendar.weekly[weekday] ?? [];
  return hours.some((h) => h.from <= time && time < h.to);
}
