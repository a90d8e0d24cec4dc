import { z } from 'zod';
import { CYCLE_TRIGGERS } from './cycle-trigger.ts';
import { ROLES } from './roles.ts';
import { WORK_AREA_STATUSES } from './work-area.ts';

const ranked = z.object({ orderId: z.string(), rank: z.number(), score: z.number() });

/** One release cycle of one area, as a dispatcher reads it: what it saw, what it released, why the others wait. */
export const releaseCycleView = z.object({
  id: z.string(),
  workAreaId: z.string(),
  seq: z.number(),
  startedAt: z.string(),
  durationMs: z.number(),
  triggers: z.array(z.enum(CYCLE_TRIGGERS)),
  areaStatus: z.enum(WORK_AREA_STATUSES),
  inShift: z.boolean(),
  capacityUnit: z.string(),
  /** Null: the area had no WIP limit. */
  limit: z.number().nullable(),
  usedBefore: z.number(),
  usedAfter: z.number(),
  candidates: z.number(),
  /** `starved`: released past a workload norm because the area had nothing in process. */
  /** `gatewayId`: the gateway a group's cycle released the order into. */
  released: z.array(ranked.extend({ gatewayId: z.string().optional(), weight: z.number(), starved: z.literal(true).optional() })),
  escalated: z.array(ranked.extend({ gatewayId: z.string().optional(), reason: z.string(), role: z.enum(ROLES) })),
  /** The best-ranked waiting orders with their reasons; `waitedByReason` counts them all. */
  waited: z.array(ranked.extend({ reason: z.string() })),
  waitedByReason: z.record(z.string(), z.number()),
  /** The areas with a workload norm that the pool's routings touch: their load in hours before and after the cycle. */
  workloads: z.array(z.object({ workAreaId: z.string(), normHours: z.number(), before: z.number(), after: z.number() })),
  priorityVersion: z.number().nullable(),
  releaseVersion: z.number().nullable(),
});
export type ReleaseCycleView = z.infer<typeof releaseCycleView>;
