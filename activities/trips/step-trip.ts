import { ApplicationFailure } from '@temporalio/common';
import type { TripState } from '../../domain/trips/trip.ts';
import { stepTrip } from '../../store/trips/step-trip.ts';
import { TripRefusal } from '../../store/trips/trip-refusal.ts';
import { TRIP_STEP_REFUSED, type TripStepCommand } from '../../workflows/trip-definitions.ts';
import type { ActivityDeps } from '../activity-deps.ts';

export interface StepTripInput extends TripStepCommand {
  tripId: string;
}

/** Writes a step the trip's workflow allowed; the store refuses it when the stops say otherwise (open stops at completion) or the trip moved meanwhile. */
export function stepTripActivity(deps: ActivityDeps) {
  return async (input: StepTripInput): Promise<TripState> => {
    try {
      return await stepTrip(deps.store.em, input.tripId, { action: input.action, reason: input.reason ?? null, by: input.by, now: deps.clock() });
    } catch (err) {
      if (err instanceof TripRefusal) throw ApplicationFailure.nonRetryable(err.message, TRIP_STEP_REFUSED);
      throw err;
    }
  };
}
