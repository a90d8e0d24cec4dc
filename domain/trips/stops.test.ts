import { describe, expect, it } from 'vitest';
import { insertStops, moveOrder, orderStopsRefusal, removeOrder, reorderStops, sequenceRefusal, type StopsResult } from './stops.ts';
import type { Stop, StopRef } from './trip.ts';

/**
 * Stops written as text: `A+` pickup of A, `A-` drop-off of A; `*` pinned; `!` already visited (done).
 * e.g. `A+* B- A-!`.
 */
const s = (text: string): Stop[] =>
  text
    .split(' ')
    .filter(Boolean)
    .map((t) => ({ orderId: t[0]!, kind: t[1] === '+' ? 'pickup' : 'dropoff', pinned: t.includes('*'), status: t.includes('!') ? 'done' : 'pending' }));
const text = (stops: readonly Stop[]) => stops.map((x) => `${x.orderId}${x.kind === 'pickup' ? '+' : '-'}${x.pinned ? '*' : ''}${x.status === 'done' ? '!' : ''}`).join(' ');
const refs = (t: string): StopRef[] => s(t).map(({ orderId, kind }) => ({ orderId, kind }));
const shown = (r: StopsResult | { from: Stop[]; to: Stop[] }) => ('refused' in r ? { refused: r.refused } : 'from' in r ? { from: text(r.from), to: text(r.to) } : text(r.stops));

describe('a trip\'s stops', () => {
  it.each([
    { stops: 'A+ A-', refused: null },
    { stops: 'A+ B- A-', refused: null },
    { stops: 'B- A-', refused: null },
    { stops: 'A- A+', refused: /drop-off of order A comes before its pickup/ },
    { stops: 'B+ A- C+ A+', refused: /drop-off of order A comes before its pickup/ },
    { stops: 'A+ A+ A-', refused: /pickup of order A is on the trip twice/ },
  ])('$stops → $refused', ({ stops, refused }) => {
    const got = sequenceRefusal(s(stops));
    if (refused) expect(got).toMatch(refused);
    else expect(got).toBeNull();
  });

  it.each([
    { needed: ['pickup', 'dropoff'], given: ['pickup', 'dropoff'], refused: null },
    { needed: ['dropoff'], given: ['dropoff'], refused: null },
    { needed: ['pickup', 'dropoff'], given: ['dropoff'], refused: 'Order X needs a pickup and a drop-off on its trip: add a pickup.' },
    { needed: ['dropoff'], given: ['pickup', 'dropoff'], refused: 'Order X needs a drop-off on its trip: remove a pickup.' },
    { needed: ['pickup'], given: ['dropoff'], refused: 'Order X needs a pickup on its trip: add a pickup and remove a drop-off.' },
  ] as const)('an order needing $needed given $given → $refused', ({ needed, given, refused }) => {
    expect(orderStopsRefusal('X', needed, given)).toBe(refused);
  });

  it.each([
    { stops: 'A+ B+ A- B-', order: 'B+ A+ B- A-', result: 'B+ A+ B- A-' },
    { stops: 'A+ B+* A- B-', order: 'A+ B+ B- A-', result: 'A+ B+* B- A-' },
    { stops: 'A+ B+* A- B-', order: 'B+ A+ A- B-', refused: /pickup of order B is pinned: unpin it first/ },
    { stops: 'A+! B+ A- B-', order: 'B+ A+ A- B-', refused: /already been to the pickup of order A \(done\)/ },
    { stops: 'A+ B+ A- B-', order: 'A- A+ B+ B-', refused: /drop-off of order A comes before its pickup/ },
    { stops: 'A+ A-', order: 'A+', refused: /drop-off of order A is missing/ },
    { stops: 'A+ A-', order: 'A+ A- C-', refused: /drop-off of order C is not on this trip/ },
    { stops: 'A+ A-', order: 'A+ A+ A-', refused: /listed twice/ },
  ])('reordering $stops as $order', ({ stops, order, result, refused }) => {
    expect(shown(reorderStops(s(stops), refs(order)))).toEqual(result ?? { refused: expect.stringMatching(refused!) });
  });

  it.each([
    { stops: 'A+ A-', added: 'B+ B-', at: undefined, result: 'A+ A- B+ B-' },
    { stops: 'A+ A-', added: 'B+ B-', at: 0, result: 'B+ B- A+ A-' },
    { stops: 'A+ A-* C-', added: 'B-', at: 0, refused: /drop-off of order A comes before its pickup/ },
    { stops: 'A+* C- A-', added: 'B+ B-', at: 0, result: 'A+* B+ B- C- A-' },
    { stops: 'A+! C- A-*', added: 'B-', at: 1, result: 'A+! B- A-* C-' },
    { stops: 'A+ A-', added: 'A+', at: 0, refused: /on the trip twice/ },
  ])('inserting $added into $stops before $at', ({ stops, added, at, result, refused }) => {
    expect(shown(insertStops(s(stops), s(added), at))).toEqual(result ?? { refused: expect.stringMatching(refused!) });
  });

  it.each([
    { stops: 'A+ B+ A- B-', order: 'A', result: 'B+ B-' },
    { stops: 'A+ B+ C-* A- B-', order: 'A', result: 'B+ B- C-*' },
    { stops: 'B+ C-* A+ A-', order: 'A', result: 'B+ C-*' },
    { stops: 'A+* A-', order: 'A', refused: /pickup of order A is pinned/ },
    { stops: 'A+! A-', order: 'A', refused: /already been to the pickup of order A/ },
    { stops: 'B+ B-', order: 'A', refused: /Order A is not on this trip/ },
  ])('taking order $order off $stops', ({ stops, order, result, refused }) => {
    expect(shown(removeOrder(s(stops), order))).toEqual(result ?? { refused: expect.stringMatching(refused!) });
  });

  it.each([
    { from: 'A+ B+ A- B-', to: 'C-', order: 'A', at: undefined, result: { from: 'B+ B-', to: 'C- A+ A-' } },
    { from: 'A+ B+ A- B-', to: 'C- D-', order: 'A', at: 1, result: { from: 'B+ B-', to: 'C- A+ A- D-' } },
    { from: 'B- A-', to: 'C+* C-', order: 'A', at: 0, result: { from: 'B-', to: 'C+* A- C-' } },
    { from: 'A+ A-*', to: 'C-', order: 'A', refused: /drop-off of order A is pinned/ },
    { from: 'A+ A-', to: 'A-', order: 'A', refused: /already on the other trip/ },
    { from: 'B+ B-', to: 'C-', order: 'A', refused: /Order A is not on this trip/ },
  ])('moving order $order from $from to $to before $at: the pair moves together, pickup first', ({ from, to, order, at, result, refused }) => {
    expect(shown(moveOrder(s(from), s(to), order, at))).toEqual(result ?? { refused: expect.stringMatching(refused!) });
  });
});
