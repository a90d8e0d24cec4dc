import { describe, expect, it } from 'vitest';
import { nextFits, pickReleases, type PoolEntry } from './release-pool.ts';

const entry = (orderId: string, priorityScore: number, dueAt = '2026-11-21T12:00:00Z', queuedAt = '2026-11-21T08:00:00Z', units = 1): PoolEntry => ({
  orderId,
  priorityScore,
  dueAt,
  queuedAt,
  units,
});
const heavy = (orderId: string, priorityScore: number, units: number) => entry(orderId, priorityScore, undefined, undefined, units);

describe('pickReleases', () => {
  it.each([
    { case: 'no free capacity', pool: [entry('a', 1)], inProcess: 1, limit: 1, released: [] },
    { case: 'over the limit already (override)', pool: [entry('a', 1)], inProcess: 3, limit: 1, released: [] },
    { case: 'highest score first', pool: [entry('a', 1), entry('b', 9)], inProcess: 0, limit: 1, released: ['b'] },
    { case: 'ties go to the earlier due time', pool: [entry('a', 5, '2026-11-21T13:00:00Z'), entry('b', 5, '2026-11-21T09:00:00Z')], inProcess: 0, limit: 1, released: ['b'] },
    {
      case: 'then to the earlier arrival',
      pool: [entry('a', 5, undefined, '2026-11-21T08:05:00Z'), entry('b', 5, undefined, '2026-11-21T08:01:00Z')],
      inProcess: 0,
      limit: 1,
      released: ['b'],
    },
    { case: 'fills every free slot', pool: [entry('a', 1), entry('b', 2), entry('c', 3)], inProcess: 1, limit: 3, released: ['c', 'b'] },
  ])('$case', ({ pool, inProcess, limit, released }) => {
    expect(pickReleases(pool, inProcess, limit).map((e) => e.orderId)).toEqual(released);
  });

  it.each([
    { case: 'units fill the limit in rank order', pool: [heavy('a', 9, 4), heavy('b', 5, 4), heavy('c', 1, 1)], used: 0, limit: 10, released: ['a', 'b', 'c'] },
    { case: 'a heavy order is not overtaken by lighter ones', pool: [heavy('a', 9, 4), heavy('b', 5, 8), heavy('c', 1, 1)], used: 0, limit: 10, released: ['a'] },
    { case: 'an order heavier than the limit goes into an empty area', pool: [heavy('a', 9, 40), heavy('b', 5, 1)], used: 0, limit: 10, released: ['a'] },
    { case: 'but not into a busy one', pool: [heavy('a', 9, 40)], used: 1, limit: 10, released: [] },
  ])('in units: $case', ({ pool, used, limit, released }) => {
    expect(pickReleases(pool, used, limit, (e) => e.units ?? 1).map((e) => e.orderId)).toEqual(released);
  });

  it.each([
    { case: 'an empty pool', pool: [], used: 0, limit: 10, fits: false },
    { case: 'a full area', pool: [heavy('a', 1, 1)], used: 10, limit: 10, fits: false },
    { case: 'the best-ranked fits', pool: [heavy('a', 1, 9), heavy('b', 9, 2)], used: 7, limit: 10, fits: true },
    { case: 'the best-ranked does not fit yet, though a lighter one would', pool: [heavy('a', 9, 4), heavy('b', 1, 1)], used: 7, limit: 10, fits: false },
    { case: 'too heavy for the limit, into an empty area', pool: [heavy('a', 9, 40)], used: 0, limit: 10, fits: true },
  ])('next fits: $case → $fits', ({ pool, used, limit, fits }) => {
    expect(nextFits(pool, used, limit, (e) => e.units ?? 1)).toBe(fits);
    expect(pickReleases(pool, used, limit, (e) => e.units ?? 1).length > 0).toBe(fits);
  });
});
