import type { OperatingMeasures } from '../../../domain/operating-measures.ts';
import type { ReleaseCycleView } from '../../../domain/release-cycle-view.ts';
import { request } from './request.ts';

export function getOperatingMeasures(signal?: AbortSignal): Promise<OperatingMeasures> {
  return request<OperatingMeasures>('/work-areas/measures', { signal });
}

/** The area's newest release cycles first. */
export async function listAreaCycles(workAreaId: string, limit: number, signal?: AbortSignal): Promise<ReleaseCycleView[]> {
  return (await request<{ cycles: ReleaseCycleView[] }>(`/work-areas/${encodeURIComponent(workAreaId)}/cycles?limit=${limit}`, { signal })).cycles;
}
