/**
 * A trip's states, without zod: the trip's workflow imports them, and what a workflow imports is bundled
 * into every workflow's sandbox (worker/workflow-bundle.test.ts keeps zod out of it).
 */
export const TRIP_STATES = ['planned', 'dispatched', 'in_progress', 'completed', 'cancelled'] as const;
export type TripState = (typeof TRIP_STATES)[number];

/** The states in which a trip holds its orders: an order is on at most one of these at a time. */
export const LIVE_TRIP_STATES = ['planned', 'dispatched', 'in_progress'] as const satisfies readonly TripState[];
export const isLiveTrip = (state: TripState) => (LIVE_TRIP_STATES as readonly TripState[]).includes(state);

export const TRIP_STATE_LABELS: Record<TripState, string> = {
  planned: 'Planned',
  dispatched: 'Dispatched',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
};
