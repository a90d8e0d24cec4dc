import { viewerDateTimeFormat, viewerRelativeTimeFormat } from './viewer-format.ts';

const dateTime = viewerDateTimeFormat({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const calendarDateTime = viewerDateTimeFormat({ dateStyle: 'medium', timeStyle: 'short' });
const relative = viewerRelativeTimeFormat({ numeric: 'auto', style: 'short' });

/** e.g. "Sat 21 Nov, 14:05" in the viewer's locale and time zone. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime().format(date);
}

/** e.g. "24 Dec 2026, 18:00": a date a rule states, where the year matters. */
export function formatCalendarDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : calendarDateTime().format(date);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** e.g. "in 3 hr", "25 min ago", "now": how far `iso` is from `now`, in the largest whole unit. */
export function formatRelative(iso: string, now: number): string {
  const delta = new Date(iso).getTime() - now;
  if (Number.isNaN(delta)) return '';
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) >= size) return relative().format(Math.trunc(delta / size), unit);
  }
  return relative().format(0, 'minute');
}
