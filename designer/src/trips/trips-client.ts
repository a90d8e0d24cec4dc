import type { StopRef, TripDetail, TripState, TripSummary } from '../../../domain/trips/trip.ts';
import { request } from '../api/request.ts';

const path = (id: string) => `/trips/${encodeURIComponent(id)}`;

export async function listTrips(filter: { state?: TripState; driverId?: string }, signal?: AbortSignal): Promise<TripSummary[]> {
  const query = new URLSearchParams({ ...(filter.state ? { state: filter.state } : {}), ...(filter.driverId ? { driverId: filter.driverId } : {}) });
  return (await request<{ trips: TripSummary[] }>(`/trips${query.size ? `?${query}` : ''}`, { signal })).trips;
}
export const reorderTrip = (id: string, stops: StopRef[]) => request<TripDetail>(`${path(id)}/order`, { method: 'POST', body: { stops } });
export const moveTripOrder = (id: string, orderId: string, toTripId: string) => request<TripDetail>(`${path(id)}/moves`, { method: 'POST', body: { orderId, toTripId } });
export const handOverTrip = (id: string, driverId: string, reason: string) => request<TripDetail>(`${path(id)}/hand-over`, { method: 'POST', body: { driverId, reason } });
export const dispatchTrip = (id: string) => request<TripDetail>(`${path(id)}/dispatch`, { method: 'POST' });
export const cancelTrip = (id: string, reason: string) => request<TripDetail>(`${path(id)}/cancel`, { method: 'POST', body: { reason } });
