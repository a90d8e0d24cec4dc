import { localTime } from './shift-calendar.ts';
import type { ReleasePeriod } from './work-area.ts';

const DAY_MINUTES = 24 * 60;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * How long until a periodic release's next cycle, in milliseconds from `now`; null for continuous release.
 * Slots are minutes of the local day in `timeZone` (every N minutes counted from midnight, or the set
 * times); the wait is the local minutes between now and the next slot, so across a daylight-saving change
 * the slot after it comes an hour early or late, once.
 */
export function msUntilNextRelease(period: ReleasePeriod, timeZone: string, now: Date): number | null {
  if (period.mode === 'continuous') return null;
  const seconds = now.getUTCSeconds() + now.getUTCMilliseconds() / 1000;
  const at = minutesOf(localTime(now, timeZone).time) + seconds / 60;
  let next: number;
  if (period.everyMinutes !== null) {
    next = Math.min(DAY_MINUTES, (Math.floor(at / period.everyMinutes) + 1) * period.everyMinutes);
  } else {
    const slots = period.atTimes.map(minutesOf).sort((a, b) => a - b);
    next = slots.find((s) => s > at) ?? slots[0]! + DAY_MINUTES;
  }
  return Math.round((next - at) * 60_000);
}
