import type { EntityManager } from '@mikro-orm/sql';
import type { RoutingStep } from '../domain/order.ts';
import type { Operation } from '../rules/release-cycle.ts';
import { WorkAreaRecord } from './work-area.entity.ts';

/** Each work area's planned lead time in hours, by id: every area (there are few), or only `areaIds`. */
export async function readPlannedLeadTimes(em: EntityManager, areaIds?: readonly string[]): Promise<Map<string, number>> {
  if (areaIds?.length === 0) return new Map();
  const areas = await em.find(WorkAreaRecord, areaIds ? { id: { $in: [...areaIds] } } : {}, { fields: ['id', 'plannedLeadTimeHours'] });
  return new Map(areas.map((a) => [a.id, a.plannedLeadTimeHours]));
}

/** An order's routing as posted, as operations with their areas' planned lead times (an area not in the store plans none). */
export const plannedOperations = (routing: readonly RoutingStep[], leadTimes: ReadonlyMap<string, number>): Operation[] =>
  routing.map((step, i) => ({ workAreaId: step.workAreaId, hours: step.hours, position: i + 1, plannedLeadTimeHours: leadTimes.get(step.workAreaId) ?? 0 }));

/** An order's routing with its areas' planned lead times, read from the store; empty without a routing. */
export async function readPlannedOperations(em: EntityManager, routing: readonly RoutingStep[] | null): Promise<Operation[]> {
  if (!routing || routing.length === 0) return [];
  return plannedOperations(routing, await readPlannedLeadTimes(em, [...new Set(routing.map((s) => s.workAreaId))]));
}
