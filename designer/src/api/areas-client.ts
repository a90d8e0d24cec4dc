import type { OperatingMeasures } from '../../../domain/operating-measures.ts';
import type { ReleaseCycleView } from '../../../domain/release-cycle-view.ts';
import type { Resource } from '../../../domain/resource.ts';
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
