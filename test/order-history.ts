import type { EntityManager } from '@mikro-orm/sql';
import { appendAudit } from '../store/audit-log.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { ReleaseCycleRecord } from '../store/release-cycle.entity.ts';

/** One order's past, as instants (epoch ms): what the trends read back from the audit log and the order's row. */
export interface OrderStory {
  id: string;
  workAreaId: string;
  dueAt: number;
  queuedAt: number;
  releasedAt?: number;
  completedAt?: number;
  /** Escalated while waiting, and when it was sent back to the pool (if it was). */
  escalatedAt?: number;
  resolvedAt?: number;
}

/** What one release cycle of an area saw. */
export interface CycleStory {
  workAreaId: string;
  at: number;
  limit: number | null;
  usedAfter: number;
  candidates: number;
  workloads?: { workAreaId: string; normHours: number; before: number; after: number }[];
}

const terminal = (s: OrderStory) => (s.completedAt !== undefined ? 'completed' : s.releasedAt !== undefined ? 'in_progress' : s.escalatedAt !== undefined && s.resolvedAt === undefined ? 'escalated' : 'queued');

/** Writes the orders, their transitions into the audit log and the cycles, as the live system would have. */
export async function writeHistory(em: EntityManager, orders: readonly OrderStory[], cycles: readonly CycleStory[] = []): Promise<void> {
  for (const s of orders) {
    em.create(OrderRecord, {
      id: s.id,
      account: 'ACME',
      kind: 'pick',
      statedPriority: 'normal',
      dueAt: new Date(s.dueAt),
      workAreaId: s.workAreaId,
      lines: [{ sku: 'A-1', qty: 1, price: 10 }],
      state: terminal(s),
      queuedAt: new Date(s.queuedAt),
      releasedAt: s.releasedAt === undefined ? null : new Date(s.releasedAt),
      inPool: s.releasedAt === undefined,
      createdAt: new Date(s.queuedAt),
    });
    const moves: [number | undefined, string, string][] = [
      [s.queuedAt, 'validating', 'queued'],
      [s.escalatedAt, 'queued', 'escalated'],
      [s.resolvedAt, 'escalated', 'queued'],
      [s.releasedAt, 'queued', 'released'],
      [s.completedAt, 'in_progress', 'completed'],
    ];
    for (const [at, from, to] of moves)
      if (at !== undefined) appendAudit(em, { dedupeKey: `${s.id}:${to}:${at}`, subjectType: 'order', subjectId: s.id, action: to, fromState: from, toState: to, actor: 'system', at: new Date(at) });
  }
  cycles.forEach((c, i) =>
    em.create(ReleaseCycleRecord, {
      id: `cycle-${c.workAreaId}-${i}`,
      workAreaId: c.workAreaId,
      seq: i + 1,
      startedAt: new Date(c.at),
      durationMs: 1,
      triggers: [],
      areaStatus: 'open',
      inShift: true,
      capacityUnit: 'orders',
      limit: c.limit,
      usedBefore: c.usedAfter,
      usedAfter: c.usedAfter,
      candidates: c.candidates,
      released: [],
      escalated: [],
      waited: [],
      waitedByReason: {},
      workloads: c.workloads ?? null,
    }),
  );
  await em.flush();
}
