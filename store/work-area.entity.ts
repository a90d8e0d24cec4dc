import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { CONTINUOUS, type CapacityModel, type ReleasePeriod, type ShiftCalendar, type WorkArea, type WorkAreaSettings } from '../domain/work-area.ts';

export const WorkAreaRecord = defineEntity({
  name: 'WorkAreaRecord',
  tableName: 'work_areas',
  properties: {
    id: p.string().primary(),
    name: p.string(),
    kind: p.string().$type<WorkArea['kind']>(),
    zone: p.string().nullable(),
    warehouse: p.string().nullable(),
    timeZone: p.string().default('UTC'),
    status: p.string().$type<WorkArea['status']>().default('open'),
    /** Kept as a column of its own: the area controller and the measures read it on every cycle. */
    /** Null: no WIP limit (the norms alone govern). */
    wipLimit: p.integer().nullable(),
    capacityUnit: p.string().$type<CapacityModel['unit']>().default('orders'),
    workloadNormHours: p.float().nullable(),
    loadCorrection: p.string().$type<CapacityModel['loadCorrection']>().default('position'),
    starvationRelease: p.boolean().default(false),
    shiftCalendar: p.json<ShiftCalendar>().nullable(),
    plannedLeadTimeHours: p.float().default(0),
    /** Null: continuous release. */
    releasePeriod: p.json<ReleasePeriod>().nullable(),
    /** Release cycles run so far; a cycle commits only if no other cycle of the area committed meanwhile. */
    cycles: p.integer().default(0),
    /**
     * Moves each time a cycle (of this area or another) adds load to this area's workload norm; a cycle
     * commits only if every normed area it loads is still at the version it read, so two cycles of
     * different areas cannot both fill a third area's norm from the same reading.
     */
    loadVersion: p.integer().default(0),
    /** When an order last called the controller for a cycle that has not started yet (see `cycle-calls.ts`). */
    cycleCalledAt: p.datetime().nullable(),
  },
});
export type WorkAreaRecord = InferEntity<typeof WorkAreaRecord>;

export function toWorkArea(r: WorkAreaRecord): WorkArea {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    zone: r.zone ?? null,
    warehouse: r.warehouse ?? null,
    timeZone: r.timeZone,
    status: r.status,
    capacity: { unit: r.capacityUnit, wipLimit: r.wipLimit ?? null, workloadNormHours: r.workloadNormHours ?? null, loadCorrection: r.loadCorrection, starvationRelease: r.starvationRelease },
    shiftCalendar: r.shiftCalendar ?? null,
    plannedLeadTimeHours: r.plannedLeadTimeHours,
    releasePeriod: r.releasePeriod ?? CONTINUOUS,
  };
}

/** The columns that hold an area's settings. */
export function workAreaColumns(s: WorkAreaSettings) {
  return {
    name: s.name,
    kind: s.kind,
    zone: s.zone,
    warehouse: s.warehouse,
    timeZone: s.timeZone,
    status: s.status,
    wipLimit: s.capacity.wipLimit,
    capacityUnit: s.capacity.unit,
    workloadNormHours: s.capacity.workloadNormHours,
    loadCorrection: s.capacity.loadCorrection,
    starvationRelease: s.capacity.starvationRelease,
    shiftCalendar: s.shiftCalendar,
    plannedLeadTimeHours: s.plannedLeadTimeHours,
    releasePeriod: s.releasePeriod.mode === 'continuous' ? null : s.releasePeriod,
  };
}
