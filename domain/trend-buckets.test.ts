import { describe, expect, it } from 'vitest';
import { bucketIndexOf, trendBuckets, zonedInstant } from './trend-buckets.ts';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
// Next year's last Sunday of March: Europe's clocks go forward that night.
const year = new Date().getUTCFullYear() + 1;
const march31 = Date.UTC(year, 2, 31);
const springForward = iso(march31 - new Date(march31).getUTCDay() * 24 * HOUR);
const dayBefore = iso(Date.parse(springForward) - 24 * HOUR);

describe('trend buckets', () => {
  it.each([
    { zone: 'UTC', bucket: 'day' as const, hours: [24, 24] },
    { zone: 'Europe/Amsterdam', bucket: 'day' as const, hours: [24, 23] },
    { zone: 'Asia/Kolkata', bucket: 'shift' as const, hours: [8, 8, 8, 8, 8, 8] },
    { zone: 'Europe/Amsterdam', bucket: 'week' as const, hours: [47] },
  ])('$zone by $bucket: buckets of $hours hours', ({ zone, bucket, hours }) => {
    const buckets = trendBuckets(dayBefore, springForward, bucket, zone);
    expect(buckets.map((b) => (b.to - b.from) / HOUR)).toEqual(hours);
    expect(buckets[0]!.from).toBe(zonedInstant(dayBefore, 0, zone));
  });

  it('starts a day at local midnight', () => {
    expect(zonedInstant(dayBefore, 0, 'Asia/Kolkata')).toBe(Date.parse(dayBefore) - 5.5 * HOUR);
    expect(zonedInstant(springForward, 3, 'Europe/Amsterdam')).toBe(Date.parse(springForward) + HOUR);
  });

  it('finds the bucket of an instant, or none', () => {
    const buckets = trendBuckets(dayBefore, springForward, 'shift', 'UTC');
    const start = Date.parse(dayBefore);
    expect([start - 1, start, start + 8 * HOUR, start + 48 * HOUR - 1, start + 48 * HOUR].map((at) => bucketIndexOf(buckets, at))).toEqual([-1, 0, 1, 5, -1]);
  });
});
