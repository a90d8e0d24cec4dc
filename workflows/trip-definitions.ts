import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { TripAction } from '../domain/trips/trip-machine.ts';
import type { TripState } from '../domain/trips/trip-states.ts';

/** Shared by the trip's workflow, its activity and the API. */
export const tripWorkflowId = (tripId: string) => `trip-${tripId}`;

/** The trip's state when its workflow starts: `planned` for a new trip, the stored state for one planned before trips had workflows. */
export interface TripWorkflowInput {
  tripId: string;
  state: TripState;
}

/** A step of the trip's lifecycle, by a dispatcher (dispatch, cancel) or by the driver's reports (start, complete). */
export interface TripStepCommand {
  action: TripAction;
  reason?: string | null;
  by: string;
}

/** The lifecycle refuses the step; the message is for the person who asked. */
export const TRIP_STEP_REFUSED = 'TripStepRefused';

export const tripStepUpdate = defineUpdate<TripState, [TripStepCommand]>('tripStep');
export const tripStateQuery = defineQuery<TripState>('tripState');
