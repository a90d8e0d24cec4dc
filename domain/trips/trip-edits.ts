import { isLiveTrip, TRIP_STATE_LABELS, type TripState } from './trip.ts';

/** Why a trip's stops cannot change now: only a live trip's stops can. Null when they can. */
export function stopEditRefusal(state: TripState): string | null {
  return isLiveTrip(state) ? null : `The trip is ${TRIP_STATE_LABELS[state].toLowerCase()}: its stops no longer change. Plan a new trip instead.`;
}

/**
 * Why a trip cannot go to `driverId`: it already has that driver, or the driver has started it (the goods
 * are in their vehicle; move the remaining stops instead). Null when it can: its stops go with it, in order.
 */
export function handOverRefusal(trip: { state: TripState; driverId: string }, driverId: string): string | null {
  if (trip.driverId === driverId) return `The trip is already ${driverId}'s.`;
  if (trip.state === 'in_progress') return 'The driver has started this trip and has its goods: move its remaining stops to the new driver\'s trip instead.';
  if (!isLiveTrip(trip.state)) return `The trip is ${TRIP_STATE_LABELS[trip.state].toLowerCase()}: there is nothing left to hand over.`;
  return null;
}
