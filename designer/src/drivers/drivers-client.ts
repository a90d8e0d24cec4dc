import type { DriverProfile, DriverProfileInput } from '../../../domain/drivers/driver-profile.ts';
import type { MonitorRow } from '../../../domain/drivers/driver-trip.ts';
import type { TripDetail } from '../../../domain/trips/trip.ts';
import { request } from '../api/request.ts';

export type Availability = 'available' | 'unavailable';
export interface MonitorFilter {
  workAreaId?: string | undefined;
  zone?: string | undefined;
  availability?: Availability | undefined;
}
export interface DriverMonitor {
  drivers: MonitorRow[];
  /** The server's time of the reading, so "updated … ago" does not depend on the browser's clock. */
  at: string;
}
/** A driver token as listed: its prefix names it, the secret is never read back. */
export interface DriverToken {
  id: string;
  driverId: string;
  prefix: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
export type CreatedDriverToken = DriverToken & { token: string };

const path = (id: string) => `/drivers/${encodeURIComponent(id)}`;

export function readDriverMonitor(filter: MonitorFilter, signal?: AbortSignal): Promise<DriverMonitor> {
  const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return request<DriverMonitor>(`/drivers/monitor${query.size ? `?${query}` : ''}`, { signal });
}
export const getDriver = (id: string, signal?: AbortSignal) => request<DriverProfile>(path(id), { signal });
export const saveDriverProfile = (id: string, version: number, profile: DriverProfileInput) => request<DriverProfile>(path(id), { method: 'PUT', body: { version, profile } });
export const getTrip = (id: string, signal?: AbortSignal) => request<TripDetail>(`/trips/${encodeURIComponent(id)}`, { signal });
export async function listDriverTokens(id: string, signal?: AbortSignal): Promise<DriverToken[]> {
  return (await request<{ tokens: DriverToken[] }>(`${path(id)}/tokens`, { signal })).tokens;
}
export const issueDriverToken = (id: string) => request<CreatedDriverToken>(`${path(id)}/tokens`, { method: 'POST' });
export const revokeDriverToken = (id: string, tokenId: string) => request<DriverToken>(`${path(id)}/tokens/${encodeURIComponent(tokenId)}`, { method: 'DELETE' });
export async function listZoneNames(signal?: AbortSignal): Promise<string[]> {
  return (await request<{ zones: { name: string }[] }>('/zones', { signal })).zones.map((z) => z.name);
}
