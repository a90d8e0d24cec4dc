import type { OperatingMeasures } from '../../../domain/operating-measures.ts';
import type { ReleaseCycleView } from '../../../domain/release-cycle-view.ts';
import type { ReleaseGroup } from '../../../domain/release-group.ts';
import type { Resource, ResourceSettings } from '../../../domain/resource.ts';
import type { WorkArea, WorkAreaSettings, WorkAreaStatus, WorkAreaStatusChange } from '../../../domain/work-area.ts';
import { request } from './request.ts';

export function getOperatingMeasures(signal?: AbortSignal): Promise<OperatingMeasures> {
  return request<OperatingMeasures>('/work-areas/measures', { signal });
}

/** The area's newest release cycles first. */
export async function listAreaCycles(workAreaId: string, limit: number, signal?: AbortSignal): Promise<ReleaseCycleView[]> {
  return (await request<{ cycles: ReleaseCycleView[] }>(`/work-areas/${encodeURIComponent(workAreaId)}/cycles?limit=${limit}`, { signal })).cycles;
}

/** The drivers, teams and lines of an area: who an order of it may be reassigned to. */
export async function listAreaResources(workAreaId: string, signal?: AbortSignal): Promise<Resource[]> {
  return (await request<{ resources: Resource[] }>(`/work-areas/${encodeURIComponent(workAreaId)}/resources`, { signal })).resources;
}

export function updateWorkArea(id: string, settings: WorkAreaSettings): Promise<WorkArea> {
  return request<WorkArea>(`/work-areas/${encodeURIComponent(id)}`, { method: 'PUT', body: settings });
}

export async function listReleaseGroups(signal?: AbortSignal): Promise<ReleaseGroup[]> {
  return (await request<{ releaseGroups: ReleaseGroup[] }>('/release-groups', { signal })).releaseGroups;
}

/** Creates the group, or changes the one with its id when `exists`. */
export function saveReleaseGroup({ id, ...settings }: ReleaseGroup, exists: boolean): Promise<ReleaseGroup> {
  return exists
    ? request<ReleaseGroup>(`/release-groups/${encodeURIComponent(id)}`, { method: 'PUT', body: settings })
    : request<ReleaseGroup>('/release-groups', { method: 'POST', body: { id, ...settings } });
}

export function deleteReleaseGroup(id: string): Promise<void> {
  return request<void>(`/release-groups/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function createWorkArea(area: WorkAreaSettings & { id: string }): Promise<WorkArea> {
  return request<WorkArea>('/work-areas', { method: 'POST', body: area });
}

/** Opens, pauses or stops an area; the reason goes into its audit trail. */
export function setWorkAreaStatus(id: string, status: WorkAreaStatus, reason: string): Promise<WorkArea> {
  return request<WorkArea>(`/work-areas/${encodeURIComponent(id)}/status`, { method: 'PUT', body: { status, reason } });
}

export function createResource(workAreaId: string, resource: ResourceSettings & { id: string }): Promise<Resource> {
  return request<Resource>(`/work-areas/${encodeURIComponent(workAreaId)}/resources`, { method: 'POST', body: resource });
}

export function updateResource(id: string, settings: ResourceSettings): Promise<Resource> {
  return request<Resource>(`/resources/${encodeURIComponent(id)}`, { method: 'PUT', body: settings });
}

export function setResourceAvailability(id: string, available: boolean, reason: string): Promise<Resource> {
  return request<Resource>(`/resources/${encodeURIComponent(id)}/availability`, { method: 'PUT', body: { available, reason } });
}

/** Who last opened, paused or stopped the area, why and when; null if nobody has. */
export async function getWorkAreaStatusChange(id: string, signal?: AbortSignal): Promise<WorkAreaStatusChange | null> {
  return (await request<{ statusChange: WorkAreaStatusChange | null }>(`/work-areas/${encodeURIComponent(id)}/status-change`, { signal })).statusChange;
}
