import type { PlanCommitInput, PlanPreviewInput, TripPlanPreview } from '../../../domain/trip-planning/trip-plan.ts';
import type { TripDetail } from '../../../domain/trips/trip.ts';
import { request } from '../api/request.ts';

export const previewTripPlan = (input: PlanPreviewInput) => request<TripPlanPreview>('/trips/plan/preview', { method: 'POST', body: input });
export const commitTripPlan = (input: PlanCommitInput) => request<{ trips: TripDetail[] }>('/trips/plan/commit', { method: 'POST', body: input });

/** What a commit sends back of a preview: its trips' stops in order, and what it saw of each order. */
export const commitOf = (preview: TripPlanPreview): PlanCommitInput => ({
  trips: preview.trips.map((t) => ({ driverId: t.driverId, stops: t.stops.map(({ orderId, kind }) => ({ orderId, kind })) })),
  basis: preview.basis,
});
