import { localTime } from '../shift-calendar.ts';
import type { ShiftCalendar } from '../work-area.ts';

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When the shift a driver's area is in at `now` ends, in its time zone: undefined without a calendar (the
 * caller's default shift applies), null when the area is off shift now. A shift to 24:00 ends at midnight:
 * a night shift split at midnight is planned up to midnight.
 */
export function shiftEndAt(calendar: ShiftCalendar | null, timeZone: string, now: Date): Date | null | undefined {
  if (!calendar) return undefined;
  const { date, weekday, time } = localTime(now, timeZone);
  const hours = calendar.exceptions.find((e) => e.date === date)?.hours ?? calendar.weekly[weekday] ?? [];
  const current = hours.find((h) => h.from <= time && time < h.to);
  if (!current) return null;
  const startOfMinute = Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(startOfMinute + (minutesOf(current.to) - minutesOf(time)) * 60_000);
}
