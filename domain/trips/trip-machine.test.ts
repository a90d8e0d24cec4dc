import { describe, expect, it } from 'vitest';
import { TRIP_STATES, type TripState } from './trip.ts';
import { handOverRefusal, stopEditRefusal } from './trip-edits.ts';
import { nextTripState, TRIP_ACTIONS, tripRefusal, type TripAction } from './trip-machine.ts';

/** Every state × action with every stop settled: where it leads, or null where the lifecycle refuses it. */
const TABLE: Record<TripState, Partial<Record<TripAction, TripState>>> = {
  planned: { dispatch: 'dispatched', cancel: 'cancelled' },
  dispatched: { start: 'in_progress', cancel: 'cancelled' },
  in_progress: { complete: 'completed' },
  completed: {},
  cancelled: {},
};
const cases = TRIP_STATES.flatMap((state) => TRIP_ACTIONS.map((action) => ({ state, action, expected: TABLE[state][action] ?? null })));

describe('the trip lifecycle', () => {
  it.each(cases)('$state + $action → $expected', ({ state, action, expected }) => {
    expect(nextTripState(state, { openStops: 0 }, action)).toBe(expected);
  });

  it.each(cases)('$state + $action with stops still open → the same, except completing', ({ state, action, expected }) => {
    expect(nextTripState(state, { openStops: 2 }, action)).toBe(action === 'complete' ? null : expected);
  });

  it.each([
    { state: 'in_progress', action: 'complete', openStops: 1, message: 'The trip still has 1 stop neither done nor failed: settle or move them before completing it.' },
    { state: 'in_progress', action: 'cancel', openStops: 1, message: /driver has started this trip: move its remaining stops/ },
    { state: 'completed', action: 'dispatch', openStops: 0, message: 'A trip that is completed cannot be dispatched.' },
    { state: 'planned', action: 'start', openStops: 3, message: 'A trip that is planned cannot be started.' },
  ] as const)('says why $state + $action is refused', ({ state, action, openStops, message }) => {
    expect(tripRefusal(state, { openStops }, action)).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
  });

  it.each([
    { state: 'planned', edit: null, handOver: null },
    { state: 'dispatched', edit: null, handOver: null },
    { state: 'in_progress', edit: null, handOver: /move its remaining stops/ },
    { state: 'completed', edit: /completed: its stops no longer change/, handOver: /nothing left to hand over/ },
    { state: 'cancelled', edit: /cancelled: its stops no longer change/, handOver: /nothing left to hand over/ },
  ] as const)('a $state trip: stops edited → $edit, handed over → $handOver', ({ state, edit, handOver }) => {
    const match = (m: RegExp | null) => (m ? expect.stringMatching(m) : null);
    expect(stopEditRefusal(state)).toEqual(match(edit));
    expect(handOverRefusal({ state, driverId: 'driver-ana' }, 'driver-bo')).toEqual(match(handOver));
  });

  it('refuses handing a trip to the driver who has it', () => {
    expect(handOverRefusal({ state: 'planned', driverId: 'driver-ana' }, 'driver-ana')).toBe("The trip is already driver-ana's.");
  });
});
