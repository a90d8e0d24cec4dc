import { describe, expect, it } from 'vitest';
import { pickReleases, type PoolEntry } from './release-pool.ts';

const entry = (orderId: string, priorityScore: number, dueAt = '2026-11-21T12:00:00Z', queuedAt = '2026-11-21T08:00:00Z'): PoolEntry => ({
  orderId,
  priorityScore,
  dueAt,
  queuedAt,
});

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
});
