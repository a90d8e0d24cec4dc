import type { PlanCommitInput, PlanPreviewInput, TripPlanPreview } from '../../../domain/trip-planning/trip-plan.ts';
import type { TripDetail } from '../../../domain/trips/trip.ts';
import type { DriverProfile } from '../../../domain/drivers/driver-profile.ts';
import { request } from '../api/request.ts';

export const previewTripPlan = (input: PlanPreviewInput) => request<TripPlanPreview>('/trips/plan/preview', { method: 'POST', body: input });
export const commitTripPlan = (input: PlanCommitInput) => request<{ trips: TripDetail[] }>('/trips/plan/commit', { method: 'POST', body: input });

/** What a commit sends back of a preview: its trips' stops in order, and what it saw of each order. */
export const commitOf = (preview: TripPlanPreview): PlanCommitInput => ({
  trips: preview.trips.map((t) => ({ driverId: t.driverId, stops: t.stops.map(({ orderId, kind }) => ({ orderId, kind })) })),
  basis: preview.basis,
});

export interface PlanningChoices {
  zones: string[];
  warehouses: string[];
  drivers: { value: string; label: string }[];
}

/** What the form suggests: the zones drawn on the map, the warehouses with a location, and every driver by name. */
export async function planningChoices(signal?: AbortSignal): Promise<PlanningChoices> {
  // Each list on its own: one the person may not read leaves that field free-typed, not the others empty.
  const [zones, warehouses, drivers] = await Promise.all([
    request<{ zones: { name: string }[] }>('/zones', { signal }).catch(() => ({ zones: [] })),
    request<{ warehouses: { warehouse: string; location: unknown }[] }>('/warehouses', { signal }).catch(() => ({ warehouses: [] })),
    request<{ drivers: DriverProfile[] }>('/drivers', { signal }).catch(() => ({ drivers: [] })),
  ]);
  return {
    zones: zones.zones.map((z) => z.name),
    warehouses: warehouses.warehouses.filter((w) => w.location !== null).map((w) => w.warehouse),
    drivers: drivers.drivers.map((d) => ({ value: d.driverId, label: d.available ? d.name : `${d.name} (unavailable)` })),
  };
}
