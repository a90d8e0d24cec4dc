import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { CycleTrigger } from '../domain/cycle-trigger.ts';
import type { Role } from '../domain/roles.ts';
import type { WorkAreaStatus } from '../domain/work-area.ts';

type Ranked = { orderId: string; rank: number; score: number };
type CycleWorkload = { workAreaId: string; normHours: number; before: number; after: number };

/** What one release cycle of one area saw and did: the record a dispatcher reads to learn why an order waits. */
export const ReleaseCycleRecord = defineEntity({
  name: 'ReleaseCycleRecord',
  tableName: 'release_cycles',
  properties: {
    id: p.string().primary(),
    workAreaId: p.string(),
    /** The area's cycle count: cycles of one area are numbered 1, 2, 3… */
    seq: p.integer(),
    startedAt: p.datetime(),
    durationMs: p.float(),
    triggers: p.json<CycleTrigger[]>(),
    areaStatus: p.string().$type<WorkAreaStatus>(),
    inShift: p.boolean(),
    capacityUnit: p.string(),
    /** Null: the area had no WIP limit. */
    limit: p.integer().nullable(),
    usedBefore: p.integer(),
    usedAfter: p.integer(),
    /** Orders in the pool when the cycle ranked it. */
    candidates: p.integer(),
    released: p.json<(Ranked & { weight: number; starved?: true })[]>(),
    escalated: p.json<(Ranked & { reason: string; role: Role })[]>(),
    /** The best-ranked waiting orders with their reasons (the first `WAITED_KEPT`); the rest are counted by reason. */
    waited: p.json<(Ranked & { reason: string })[]>(),
    waitedByReason: p.json<Record<string, number>>(),
    /** The areas with a workload norm that the pool's routings touch: their load in hours before and after the cycle. */
    workloads: p.json<CycleWorkload[]>().nullable(),
    priorityVersion: p.integer().nullable(),
    releaseVersion: p.integer().nullable(),
  },
  indexes: [{ properties: ['workAreaId', 'seq'] }],
});
export type ReleaseCycleRecord = InferEntity<typeof ReleaseCycleRecord>;
export const WAITED_KEPT = 100;
