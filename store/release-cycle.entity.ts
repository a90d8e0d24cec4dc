import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { CycleTrigger } from '../domain/cycle-trigger.ts';
import type { Role } from '../domain/roles.ts';
import type { WorkAreaStatus } from '../domain/work-area.ts';

type Ranked = { orderId: string; rank: number; score: number };
type CycleWorkload = { workAreaId: string; normHours: number; before: number; after: number };
type CycleGateway = { workAreaId: string; status: WorkAreaStatus; inShift: boolean; limit: number | null; usedBefore: number; usedAfter: number };

/** What one release cycle of one area saw and did: the record a dispatcher reads to learn why an order waits. */
export const ReleaseCycleRecord = defineEntity({
  name: 'ReleaseCycleRecord',
  tableName: 'release_cycles',
  properties: {
    id: p.string().primary(),
    workAreaId: p.string(),
    /** A release group's cycle (run by `workAreaId`'s controller): its gateways, each released order's among them. */
    releaseGroupId: p.string().nullable(),
    gateways: p.json<CycleGateway[]>().nullable(),
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
    released: p.json<(Ranked & { gatewayId?: string; weight: number; starved?: true })[]>(),
    escalated: p.json<(Ranked & { gatewayId?: string; reason: string; role: Role })[]>(),
    /** The best-ranked waiting orders with their reasons (the first `WAITED_KEPT`); the rest are counted by reason. */
    waited: p.json<(Ranked & { reason: string })[]>(),
    waitedByReason: p.json<Record<string, number>>(),
    /** The areas with a workload norm that the pool's routings touch: their load in hours before and after the cycle. */
    workloads: p.json<CycleWorkload[]>().nullable(),
    priorityVersion: p.integer().nullable(),
    releaseVersion: p.integer().nullable(),
  },
  // (startedAt): the trends read a period's cycles of every area.
  indexes: [{ properties: ['workAreaId', 'seq'] }, { properties: ['releaseGroupId', 'seq'] }, { properties: ['startedAt'] }],
});
export type ReleaseCycleRecord = InferEntity<typeof ReleaseCycleRecord>;
export const WAITED_KEPT = 100;
