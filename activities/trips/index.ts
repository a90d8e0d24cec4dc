import type { ActivityDeps } from '../activity-deps.ts';
import { stepTripActivity } from './step-trip.ts';

export function createTripActivities(deps: ActivityDeps) {
  return { stepTrip: stepTripActivity(deps) };
}

export type TripActivities = ReturnType<typeof createTripActivities>;
