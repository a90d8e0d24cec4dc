/*
 * A date fact's value is an instant with a zone (rules/date-instant.ts); an ops manager thinks in the
 * wall-clock time where they sit. The date editor shows and takes local time and stores UTC, so a rule
 * means the same moment whoever opens it next.
 */
const pad = (n: number) => String(n).padStart(2, '0');
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** An ISO date-time as an `<input type="datetime-local">` value in the viewer's zone; '' when it is no date. */
export function toLocalInput(iso: unknown): string {
  const date = typeof iso === 'string' ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** What was typed into that input, as an ISO date-time in UTC; null while it is incomplete. */
export function fromLocalInput(local: string): string | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(year, month - 1, day, hour, minute);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
