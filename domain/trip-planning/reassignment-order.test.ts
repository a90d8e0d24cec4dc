import { describe, expect, it } from 'vitest';
import { reassignmentOrder, type PlanMove } from './reassignment-order.ts';

const move = (orderId: string, from: string | null, to: string): PlanMove => ({ orderId, from, to });

describe('reassignmentOrder', () => {
  it.each([
    {
      name: 'a full driver gives an order away before taking one',
      moves: [move('b1', 'bo', 'ana'), move('a2', 'ana', 'bo')],
      inHand: { ana: 2, bo: 1 },
      capacity: { ana: 2, bo: 2 },
      expected: ['a2', 'b1'],
    },
    {
      name: 'a chain of full drivers drains from its end',
      moves: [move('x', 'bo', 'ana'), move('y', 'cy', 'bo'), move('z', 'ana', 'dee')],
      inHand: { ana: 1, bo: 1, cy: 1, dee: 0 },
      capacity: { ana: 1, bo: 1, cy: 1, dee: 1 },
      expected: ['z', 'x', 'y'],
    },
    {
      name: 'moves with room keep their order',
      moves: [move('1', 'bo', 'ana'), move('2', null, 'ana'), move('3', 'ana', 'bo')],
      inHand: { ana: 0, bo: 1 },
      capacity: { ana: 5, bo: 5 },
      expected: ['1', '2', '3'],
    },
    {
      name: 'a swap between two full drivers comes last, as given, for the rules to refuse',
      moves: [move('a1', 'ana', 'bo'), move('b1', 'bo', 'ana'), move('c1', 'cy', 'dee')],
      inHand: { ana: 1, bo: 1, cy: 1 },
      capacity: { ana: 1, bo: 1, dee: 1 },
      expected: ['c1', 'a1', 'b1'],
    },
  ])('$name', ({ moves, inHand, capacity, expected }) => {
    expect(reassignmentOrder(moves, new Map(Object.entries(inHand)), new Map(Object.entries(capacity))).map((m) => m.orderId)).toEqual(expected);
  });
});
