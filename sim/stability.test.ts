import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from './kpis.ts';
import { isStable } from './stability.ts';

const series = (pool: (t: number) => number, wip = 10): SeriesPoint[] =>
  Array.from({ length: 100 }, (_, i) => ({ t: i * 100, pool: pool(i * 100), wip: { a: wip }, load: { a: 0 } }));

describe('stability', () => {
  it.each([
    { name: 'a flat pool', points: series(() => 15), stable: true },
    { name: 'a pool that wobbles', points: series((t) => 15 + 8 * Math.sin(t / 300)), stable: true },
    { name: 'a pool that grows by a few orders', points: series((t) => 15 + t / 1000), stable: true },
    { name: 'a pool that grows without bound', points: series((t) => t / 10), stable: false },
    { name: 'a large pool rising by more than a quarter of its level', points: series((t) => 200 + t / 50), stable: false },
    { name: 'a large pool rising by less than a quarter of its level', points: series((t) => 400 + t / 100), stable: true },
    { name: 'only the warm-up grows', points: series((t) => Math.min(t, 3000) / 10), stable: true },
  ])('$name: $stable', ({ points, stable }) => {
    expect(isStable(points, 3000)).toBe(stable);
  });
});
