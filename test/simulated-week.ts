import type { CycleStory, OrderStory } from './order-history.ts';
import { prng } from './prng.ts';

const HOUR = 3_600_000;

export interface WeekArea {
  id: string;
  limit: number;
  normHours?: number;
}

/**
 * A week of an operation up to `now`, from a seeded random stream: orders arriving around the clock, waiting
 * in the pool, some escalated while they wait, released, completed (late ones among them), and the
 * areas' release cycles every hour. What happened after `now` has not happened yet.
 */
export function simulatedWeek(areas: readonly WeekArea[], now: number, seed = 21, ordersPerDay = 40): { orders: OrderStory[]; cycles: CycleStory[] } {
  const rand = prng(seed);
  const start = now - 7 * 24 * HOUR;
  const orders: OrderStory[] = [];
  for (let i = 0; i < ordersPerDay * 7; i++) {
    const area = areas[i % areas.length]!;
    const queuedAt = Math.round(start + rand() * 7 * 24 * HOUR);
    const wait = -Math.log(1 - rand()) * 2 * HOUR;
    const dueAt = Math.round(queuedAt + (2 + rand() * 22) * HOUR);
    const story: OrderStory = { id: `w-${String(i).padStart(4, '0')}`, workAreaId: area.id, queuedAt, dueAt };
    if (rand() < 0.15) {
      story.escalatedAt = Math.round(queuedAt + wait / 3);
      if (rand() < 0.8) story.resolvedAt = Math.round(queuedAt + (2 * wait) / 3);
    }
    const releasedAt = Math.round(queuedAt + wait);
    if (releasedAt < now && (story.escalatedAt === undefined || story.resolvedAt !== undefined)) {
      story.releasedAt = releasedAt;
      const completedAt = Math.round(releasedAt + (0.5 + rand() * 10) * HOUR);
      if (completedAt < now) story.completedAt = completedAt;
    }
    if (story.escalatedAt !== undefined && story.escalatedAt >= now) delete story.escalatedAt;
    if (story.resolvedAt !== undefined && (story.escalatedAt === undefined || story.resolvedAt >= now)) delete story.resolvedAt;
    if (queuedAt < now) orders.push(story);
  }
  const cycles: CycleStory[] = [];
  for (let at = start; at < now; at += HOUR)
    for (const area of areas) {
      const usedAfter = Math.round(rand() * area.limit);
      const cycle: CycleStory = { workAreaId: area.id, at, limit: area.limit, usedAfter, candidates: Math.round(rand() * 12) };
      if (area.normHours !== undefined) cycle.workloads = [{ workAreaId: area.id, normHours: area.normHours, before: 0, after: Math.round(rand() * area.normHours * 10) / 10 }];
      cycles.push(cycle);
    }
  return { orders, cycles };
}
