import { describe, expect, it } from 'vitest';
import { prng } from '../../../test/prng.ts';
import { arrivalRate, arrivalTimes, DEFAULT_ARRIVAL_CURVE as curve, peakHourShare } from './arrival-curve.ts';

describe('a last-mile day’s arrival curve', () => {
  it.each([
    { hour: 3, rate: 0, why: 'nobody orders at night' },
    { hour: 5.99, rate: 0, why: 'before opening' },
    { hour: 22, rate: 0, why: 'from closing' },
    { hour: 6, min: 0.15, max: 0.3, why: 'the base rate at opening' },
    { hour: 9.5, min: 0.9, max: 1, why: 'the morning peak' },
    { hour: 14, min: 0.15, max: 0.45, why: 'the afternoon lull' },
    { hour: 18.5, min: 1.1, max: 1.2, why: 'the evening peak, the day’s highest' },
  ])('$hour h: $why', ({ hour, rate, min, max }) => {
    const r = arrivalRate(curve, hour);
    if (rate !== undefined) expect(r).toBe(rate);
    else {
      expect(r).toBeGreaterThanOrEqual(min!);
      expect(r).toBeLessThanOrEqual(max!);
    }
  });

  it('draws exactly the day’s orders, ascending, inside the opening hours, with both peaks busier than the lull', () => {
    const times = arrivalTimes(curve, 20_000, prng(7));
    expect(times.length).toBe(20_000);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]!);
    expect(times[0]).toBeGreaterThanOrEqual(6);
    expect(times[times.length - 1]).toBeLessThan(22);
    const inHour = (h: number) => times.filter((t) => t >= h && t < h + 1).length;
    expect(inHour(9)).toBeGreaterThan(2 * inHour(14));
    expect(inHour(18)).toBeGreaterThan(inHour(9));
    // The busiest hour's share, as drawn, is the share the drivers are sized for.
    expect(inHour(18) / times.length).toBeCloseTo(peakHourShare(curve), 2);
  });

  it('gives the same times for the same stream', () => {
    expect(arrivalTimes(curve, 500, prng(3))).toEqual(arrivalTimes(curve, 500, prng(3)));
    expect(arrivalTimes(curve, 500, prng(3))).not.toEqual(arrivalTimes(curve, 500, prng(4)));
  });
});
