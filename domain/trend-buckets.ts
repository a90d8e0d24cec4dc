import { BUCKET_HOURS, type TrendBucket } from './trends.ts';

const HOUR = 3_600_000;
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's clock is ahead of UTC at an instant (ms). */
export function zoneOffsetMs(at: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    offsetFormats.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - (at - (at % 1000));
}

/** The instant a local wall-clock time (day as YYYY-MM-DD, plus hours) happens in the zone; in a gap, the hour after. */
export function zonedInstant(day: string, hours: number, timeZone: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`) + hours * HOUR;
  const first = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(first, timeZone);
}

export interface BucketRange {
  from: number;
  to: number;
  label: string;
}

const SHIFT_NAMES = ['night', 'day', 'evening'];

/**
 * The period's buckets, cut at local midnights (and shift changes) in the zone: a day is a local day, 23 or
 * 25 hours across a daylight-saving change; weeks are seven local days from the period's first.
 */
export function trendBuckets(fromDay: string, toDay: string, bucket: TrendBucket, timeZone: string): BucketRange[] {
  const days = Math.round((Date.parse(toDay) - Date.parse(fromDay)) / (24 * HOUR)) + 1;
  const dayAt = (i: number) => new Date(Date.parse(fromDay) + i * 24 * HOUR).toISOString().slice(0, 10);
  const out: BucketRange[] = [];
  const step = BUCKET_HOURS[bucket];
  if (bucket === 'shift') {
    for (let d = 0; d < days; d++)
      for (let s = 0; s < 3; s++) out.push({ from: zonedInstant(dayAt(d), s * step, timeZone), to: zonedInstant(dayAt(d), (s + 1) * step, timeZone), label: `${dayAt(d)} ${SHIFT_NAMES[s]}` });
  } else {
    const daysPer = step / 24;
    for (let d = 0; d < days; d += daysPer) out.push({ from: zonedInstant(dayAt(d), 0, timeZone), to: zonedInstant(dayAt(Math.min(d + daysPer, days)), 0, timeZone), label: bucket === 'day' ? dayAt(d) : `week of ${dayAt(d)}` });
  }
  return out;
}

/** The index of the bucket an instant falls in, or -1. Buckets are few and sorted: a binary search. */
export function bucketIndexOf(buckets: readonly BucketRange[], at: number): number {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = buckets[mid]!;
    if (at < b.from) hi = mid - 1;
    else if (at >= b.to) lo = mid + 1;
    else return mid;
  }
  return -1;
}
