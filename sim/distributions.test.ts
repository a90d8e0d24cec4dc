import { describe, expect, it } from 'vitest';
import { distinctSample, exponential, truncatedErlang2, uniform, uniformInt } from './distributions.ts';
import { sfc32 } from './random-streams.ts';

const N = 100_000;
const sample = (draw: () => number) => Array.from({ length: N }, draw);
const meanOf = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('distributions', () => {
  it.each([
    { name: 'exponential, mean 0.65', draw: (u: () => number) => exponential(u, 0.65), mean: 0.65, min: 0, max: Infinity },
    { name: 'uniform [35, 60]', draw: (u: () => number) => uniform(u, 35, 60), mean: 47.5, min: 35, max: 60 },
    { name: 'uniform whole numbers 1–6', draw: (u: () => number) => uniformInt(u, 1, 6), mean: 3.5, min: 1, max: 6 },
    { name: '2-Erlang, mean 1 after truncation at 4', draw: truncatedErlang2(1, 4), mean: 1, min: 0, max: 4 },
  ])('$name', ({ draw, mean, min, max }) => {
    const u = sfc32(11);
    const values = sample(() => draw(u));
    expect(meanOf(values)).toBeCloseTo(mean, 1);
    expect(Math.abs(meanOf(values) - mean) / mean).toBeLessThan(0.01);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(min);
    expect(Math.max(...values)).toBeLessThanOrEqual(max);
  });

  it('a 2-Erlang has the spread of one: variance about half the square of its mean (less once truncated)', () => {
    const u = sfc32(5);
    const draw = truncatedErlang2(1, 4);
    const values = sample(() => draw(u));
    const variance = meanOf(values.map((v) => (v - 1) ** 2));
    expect(variance).toBeGreaterThan(0.4);
    expect(variance).toBeLessThan(0.5);
  });

  it('refuses a mean a truncated 2-Erlang cannot have', () => {
    expect(() => truncatedErlang2(2, 4)).toThrow(/cannot have mean 2/);
  });

  it('a distinct sample has no repeats and every size is possible', () => {
    const u = sfc32(3);
    for (let n = 0; n <= 6; n++) {
      const picked = distinctSample(u, [0, 1, 2, 3, 4, 5], n);
      expect(picked).toHaveLength(n);
      expect(new Set(picked).size).toBe(n);
    }
  });
});
