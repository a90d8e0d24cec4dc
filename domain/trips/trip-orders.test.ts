import { describe, expect, it } from 'vitest';
import type { OrderState } from '../lifecycle.ts';
import type { OrderKind } from '../order.ts';
import { tripOrderRefusal } from './trip-orders.ts';

describe('which orders go on a trip', () => {
  it.each([
    { kind: 'delivery', state: 'released', assignee: null, refused: null },
    { kind: 'pickup_delivery', state: 'assigned', assignee: 'driver-ana', refused: null },
    { kind: 'on_demand', state: 'assigned', assignee: null, refused: null },
    { kind: 'pickup', state: 'released', assignee: null, refused: null },
    { kind: 'pick', state: 'released', assignee: null, refused: /is a pick order: only pickup, delivery/ },
    { kind: 'production', state: 'released', assignee: null, refused: /is a production order/ },
    { kind: 'delivery', state: 'queued', assignee: null, refused: /is queued: an order goes on a trip once it is released/ },
    { kind: 'delivery', state: 'in_transit', assignee: 'driver-ana', refused: /is in transit/ },
    { kind: 'delivery', state: 'assigned', assignee: 'driver-bo', refused: 'Order O-1 is assigned to driver-bo: put it on their trip, or reassign it to driver-ana first.' },
  ] as const)('a $kind order, $state to $assignee → $refused', ({ kind, state, assignee, refused }) => {
    const got = tripOrderRefusal({ id: 'O-1', kind: kind as OrderKind, state: state as OrderState, assignee }, 'driver-ana');
    expect(got).toEqual(refused === null ? null : typeof refused === 'string' ? refused : expect.stringMatching(refused));
  });
});
