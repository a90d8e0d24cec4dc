import type { StopStatus, TripState } from '../trips/trip.ts';
import type { ReportedStatus } from './stop-report.ts';

const STOP_STATUS: Record<ReportedStatus, StopStatus> = { arrived: 'arrived', done: 'done', failed: 'failed' };
export const stopStatusOf = (reported: ReportedStatus): StopStatus => STOP_STATUS[reported];

/**
 * What a report does to a stop: moves it on, nothing (the same report again: a phone resending on a poor
 * signal), or nothing with a reason (the stop is settled otherwise, or the trip is not on the road).
 */
export function stopReportStep(trip: TripState, current: StopStatus, reported: ReportedStatus): 'apply' | 'repeat' | { refused: string } {
  const next = stopStatusOf(reported);
  if (current === next) return 'repeat';
  if (trip === 'planned') return { refused: 'This trip is not dispatched yet: wait for your dispatcher to send it before reporting its stops.' };
  if (trip === 'completed' || trip === 'cancelled') return { refused: `This trip is ${trip}: its stops take no more reports. Call your dispatcher.` };
  if (current === 'done' || current === 'failed') return { refused: `This stop is already ${current}: it cannot become ${next}. Call your dispatcher if that is wrong.` };
  return 'apply';
}
