import { describe, expect, it } from 'vitest';
import type { OrderState } from '../lifecycle.ts';
import type { OrderKind } from '../order.ts';
import { SESSION_ACTIONS, nextSessionState } from './session-machine.ts';
import { SESSION_STATES } from './route-session.ts';
import { movesOrders, SESSION_STEP_REACHES, sessionOrderActions, undeliveredReason, type OrderMovingStep } from './session-order-actions.ts';

/** Step × kind × order state: the actions sent, or a skip (matched by its words). */
const TABLE: { step: OrderMovingStep; kind: OrderKind; state: OrderState; expected: string[] | RegExp }[] = [
  { step: 'pick_up', kind: 'delivery', state: 'assigned', expected: ['pick_up'] },
  { step: 'pick_up', kind: 'pickup_delivery', state: 'assigned', expected: ['pick_up'] },
  { step: 'pick_up', kind: 'delivery', state: 'released', expected: ['pick_up'] },
  { step: 'pick_up', kind: 'delivery', state: 'picked_up', expected: /^Already picked up/ },
  { step: 'pick_up', kind: 'pickup_delivery', state: 'staged', expected: /^Already staged/ },
  { step: 'pick_up', kind: 'delivery', state: 'in_transit', expected: /^Already in transit/ },
  { step: 'pick_up', kind: 'delivery', state: 'delivered', expected: /^Already delivered/ },
  { step: 'pick_up', kind: 'delivery', state: 'cancelled', expected: /cancelled: it does not travel/ },
  { step: 'depart', kind: 'delivery', state: 'assigned', expected: ['pick_up', 'depart'] },
  { step: 'depart', kind: 'delivery', state: 'picked_up', expected: ['depart'] },
  { step: 'depart', kind: 'pickup_delivery', state: 'assigned', expected: ['pick_up', 'stage', 'depart'] },
  { step: 'depart', kind: 'pickup_delivery', state: 'picked_up', expected: ['stage', 'depart'] },
  { step: 'depart', kind: 'pickup_delivery', state: 'staged', expected: ['depart'] },
  { step: 'depart', kind: 'delivery', state: 'attempt_failed', expected: ['depart'] },
  { step: 'depart', kind: 'delivery', state: 'in_transit', expected: /^Already on the road/ },
  { step: 'depart', kind: 'delivery', state: 'awaiting_remit', expected: /^Already awaiting remit/ },
  { step: 'depart', kind: 'delivery', state: 'returned', expected: /returned: it does not travel/ },
  // Not where a run can take it: the order's lifecycle says why.
  { step: 'depart', kind: 'delivery', state: 'released', expected: ['depart'] },
  { step: 'depart', kind: 'delivery', state: 'escalated', expected: ['depart'] },
];

describe('what a session step does to each of its orders', () => {
  it.each(TABLE)('$step on a $kind order that is $state → $expected', ({ step, kind, state, expected }) => {
    const plan = sessionOrderActions(step, kind, state);
    if (Array.isArray(expected)) expect(plan).toEqual({ actions: expected });
    else expect('skipped' in plan && plan.skipped).toMatch(expected);
  });

  it.each([
    { state: 'delivered', lastMile: 'Delivered', expected: null },
    { state: 'awaiting_remit', lastMile: 'Delivered', expected: null },
    { state: 'closed', lastMile: 'Delivered', expected: null },
    { state: 'closed', lastMile: 'Returned', expected: /^Not delivered: the order is closed \(returned\)\.$/ },
    { state: 'in_transit', lastMile: 'In Transit', expected: /^Not delivered yet \(in transit\): report its delivery/ },
    { state: 'attempt_failed', lastMile: 'In Transit', expected: /^Not delivered yet \(attempt failed\)/ },
    { state: 'returned', lastMile: 'Returned', expected: /^Not delivered: the order is returned\.$/ },
  ] as const)('a completed session finds a $state order ($lastMile): $expected', ({ state, lastMile, expected }) => {
    const reason = undeliveredReason(state, lastMile);
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toMatch(expected);
  });

  it('names, for each step, the one state the session machine takes it to', () => {
    for (const action of SESSION_ACTIONS) {
      const reached = SESSION_STATES.map((s) => nextSessionState(s, action)).filter((s) => s !== null);
      expect(new Set(reached)).toEqual(new Set([SESSION_STEP_REACHES[action]]));
    }
    expect(SESSION_ACTIONS.filter(movesOrders)).toEqual(['pick_up', 'depart']);
  });
});
