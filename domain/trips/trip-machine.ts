import { setup, transition } from 'xstate';
import { TRIP_STATE_LABELS, type TripState } from './trip-states.ts';

/** A step of a trip's own lifecycle: a dispatcher dispatches or cancels it; the driver starts and completes it. */
export const TRIP_ACTIONS = ['dispatch', 'start', 'complete', 'cancel'] as const;
export type TripAction = (typeof TRIP_ACTIONS)[number];

export interface TripContext {
  /** Stops neither done nor failed: a trip is complete only when the driver has settled every one. */
  openStops: number;
}
export type TripEvent = { type: Uppercase<TripAction> };

/**
 * A trip's lifecycle, pure: planned → dispatched → in_progress → completed; cancelled from planned or
 * dispatched (once the driver has started, the goods are on the road: its stops are moved or failed instead).
 */
export const tripMachine = setup({
  types: { context: {} as TripContext, events: {} as TripEvent, input: {} as TripContext },
  guards: { allStopsSettled: ({ context }) => context.openStops === 0 },
}).createMachine({
  id: 'trip',
  initial: 'planned',
  context: ({ input }) => ({ ...input }),
  states: {
    planned: { on: { DISPATCH: 'dispatched', CANCEL: 'cancelled' } },
    dispatched: { on: { START: 'in_progress', CANCEL: 'cancelled' } },
    in_progress: { on: { COMPLETE: { target: 'completed', guard: 'allStopsSettled' } } },
    completed: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

export const tripEventOf = (action: TripAction): TripEvent => ({ type: action.toUpperCase() as Uppercase<TripAction> });

/** The state an action leads to, or null when the lifecycle does not allow it from `state`. */
export function nextTripState(state: TripState, context: TripContext, action: TripAction): TripState | null {
  const snapshot = tripMachine.resolveState({ value: state, context });
  const event = tripEventOf(action);
  if (!snapshot.can(event)) return null;
  const [next] = transition(tripMachine, snapshot, event);
  return next.value as TripState;
}

/** Whether the lifecycle allows the action from `state`, its guard aside: the guard reads the stops, which the store checks when it writes the step. */
export const tripActionAllowed = (state: TripState, action: TripAction): boolean => nextTripState(state, { openStops: 0 }, action) !== null;

const PAST: Record<TripAction, string> = { dispatch: 'dispatched', start: 'started', complete: 'completed', cancel: 'cancelled' };

/** Why an action is refused, in words a dispatcher can act on. */
export function tripRefusal(state: TripState, context: TripContext, action: TripAction): string {
  if (action === 'complete' && state === 'in_progress')
    return `The trip still has ${context.openStops} stop${context.openStops === 1 ? '' : 's'} neither done nor failed: settle or move them before completing it.`;
  if (action === 'cancel' && state === 'in_progress') return 'The driver has started this trip: move its remaining stops to another trip, or mark them failed, instead of cancelling it.';
  return `A trip that is ${TRIP_STATE_LABELS[state].toLowerCase()} cannot be ${PAST[action]}.`;
}
