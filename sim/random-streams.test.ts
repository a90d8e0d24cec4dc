import { describe, expect, it } from 'vitest';
import { RandomStreams, sfc32 } from './random-streams.ts';

const draws = (next: () => number, n: number) => Array.from({ length: n }, next);

describe('random streams', () => {
  it('repeat: the same seed, replication and purpose give the same numbers', () => {
    expect(draws(new RandomStreams(42, 3).stream('arrivals'), 20)).toEqual(draws(new RandomStreams(42, 3).stream('arrivals'), 20));
  });

  it('are independent per purpose: drawing from one does not move another (common random numbers)', () => {
    const a = new RandomStreams(42, 0);
    const b = new RandomStreams(42, 0);
    draws(a.stream('routings'), 1000);
    expect(draws(a.stream('arrivals'), 20)).toEqual(draws(b.stream('arrivals'), 20));
  });

  it.each([
    { name: 'seed', other: new RandomStreams(43, 0).stream('arrivals') },
    { name: 'replication', other: new RandomStreams(42, 1).stream('arrivals') },
    { name: 'purpose', other: new RandomStreams(42, 0).stream('due-dates') },
  ])('differ by $name', ({ other }) => {
    expect(draws(other, 20)).not.toEqual(draws(new RandomStreams(42, 0).stream('arrivals'), 20));
  });

  it('are uniform on [0, 1): mean, spread and range over 100,000 draws', () => {
    const values = draws(sfc32(1), 100_000);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 2);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const deciles = new Array(10).fill(0);
    for (const v of values) deciles[Math.floor(v * 10)]++;
    for (const count of deciles) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});
