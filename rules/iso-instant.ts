/*
 * `new Date(ms).toISOString()`, the form every date fact takes, is one of the dearest steps of building a
 * pool's facts (a release cycle formats the due time, the planned release time and the first operation's
 * due time of each of 100,000 orders). Pool times fall on a few days, so a day's "YYYY-MM-DDT" is
 * formatted once and the time of day is put together by arithmetic.
 */

const DAY_MS = 86_400_000;
/** Where four-digit years end: later instants, earlier ones and non-numbers go the built-in way. */
const YEAR_10000 = 253_402_300_800_000;
const MAX_DAYS_KEPT = 10_000;
const days = new Map<number, string>();

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** Exactly `new Date(ms).toISOString()` (a fraction of a millisecond is dropped, as Date drops it; a non-number throws as it does). */
export function isoInstant(ms: number): string {
  const t = Math.trunc(ms);
  if (!(t >= 0 && t < YEAR_10000)) return new Date(ms).toISOString();
  const day = Math.floor(t / DAY_MS);
  let prefix = days.get(day);
  if (prefix === undefined) {
    if (days.size >= MAX_DAYS_KEPT) days.clear();
    days.set(day, (prefix = new Date(day * DAY_MS).toISOString().slice(0, 11)));
  }
  let rest = t - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${prefix}${two(hours)}:${two(minutes)}:${two(seconds)}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}
