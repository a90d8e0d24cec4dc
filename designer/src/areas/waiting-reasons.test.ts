import { describe, expect, it } from 'vitest';
import { waitingReasons } from './waiting-reasons.ts';

describe('a cycle read by a dispatcher', () => {
  it('names the commonest reasons for waiting first, ties alphabetically', () => {
    const cycle = { waitedByReason: { 'The work area is at its WIP limit.': 12, 'The work area is paused.': 3, 'Delivery due tomorrow or later: released in the morning.': 3, 'Other.': 1 } };
    expect(waitingReasons(cycle)).toEqual([
      { reason: 'The work area is at its WIP limit.', orders: 12 },
      { reason: 'Delivery due tomorrow or later: released in the morning.', orders: 3 },
      { reason: 'The work area is paused.', orders: 3 },
    ]);
    expect(waitingReasons({ waitedByReason: {} })).toEqual([]);
  });
});
