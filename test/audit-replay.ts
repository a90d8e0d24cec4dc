import type { AuditEntryRecord } from '../store/audit-entry.entity.ts';

export interface CapacityReplay {
  /** Per area, the most capacity ever taken (overrides included). */
  peak: Map<string, number>;
  /** Releases by an area that took it past its limit beyond what the overrides holding a slot explain. */
  overLimit: { areaId: string; orderId: string; seq: number; used: number; limit: number }[];
  /** Releases of an order that already held a slot. */
  doubleReleases: { orderId: string; seq: number }[];
  forced: number;
}

// An order holds a slot from its release until its work is done, it is cancelled or returned, or a person
// sends it back to the pool.
const SLOT_ENDS = new Set(['completed', 'delivered', 'cancelled', 'returned', 'queued']);

/**
 * Replays the order transitions of the audit log, in the order they were written, counting each area's
 * capacity taken. The log records a release after the area took the slot and a slot's end before the area
 * is told, so the count never runs ahead of the area's own. A forced release (an audited override) may go
 * past the limit; an order heavier than the whole limit may go into an empty area.
 */
export function replayCapacity(
  log: readonly Pick<AuditEntryRecord, 'seq' | 'subjectId' | 'action' | 'fromState' | 'toState'>[],
  orderOf: (orderId: string) => { areaId: string; weight: number },
  limitOf: (areaId: string) => number,
): CapacityReplay {
  const holding = new Map<string, Map<string, number>>();
  const overrides = new Set<string>();
  const replay: CapacityReplay = { peak: new Map(), overLimit: [], doubleReleases: [], forced: 0 };
  const sum = (slots: Map<string, number>, skipOverrides: boolean) => [...slots].reduce((total, [id, w]) => total + (skipOverrides && overrides.has(id) ? 0 : w), 0);
  for (const e of log) {
    const { areaId, weight } = orderOf(e.subjectId);
    const slots = holding.get(areaId) ?? new Map<string, number>();
    holding.set(areaId, slots);
    if (e.toState === 'released' && e.fromState !== 'released') {
      if (slots.has(e.subjectId)) replay.doubleReleases.push({ orderId: e.subjectId, seq: e.seq });
      if (e.action === 'FORCE_RELEASE') {
        overrides.add(e.subjectId);
        replay.forced += 1;
      } else {
        const before = sum(slots, true);
        if (before > 0 && before + weight > limitOf(areaId)) replay.overLimit.push({ areaId, orderId: e.subjectId, seq: e.seq, used: before + weight, limit: limitOf(areaId) });
      }
      slots.set(e.subjectId, weight);
    }
    if (SLOT_ENDS.has(e.toState ?? '') && e.fromState !== e.toState) {
      slots.delete(e.subjectId);
      overrides.delete(e.subjectId);
    }
    replay.peak.set(areaId, Math.max(replay.peak.get(areaId) ?? 0, sum(slots, false)));
  }
  return replay;
}

export interface WorkloadReplay {
  /** Per normed area, the most load ever held, in hours (overrides included). */
  peak: Map<string, number>;
  /** Releases that took a normed area past its norm from a load above zero, beyond what overrides explain. */
  overNorm: { areaId: string; orderId: string; seq: number; load: number; norm: number }[];
}

/**
 * Replays the audit log for workload norms: a released order's routing loads every normed area on it
 * until its slot ends. A release may take an area past its norm only from an empty load (an area holding
 * no load takes any order) or as an audited override. Orders granted but not yet released count in a
 * cycle's load and not here, so this count never runs ahead of the cycles' own.
 */
export function replayWorkloads(
  log: readonly Pick<AuditEntryRecord, 'seq' | 'subjectId' | 'action' | 'fromState' | 'toState'>[],
  loadsOf: (orderId: string) => readonly { areaId: string; hours: number }[],
  normOf: (areaId: string) => number | null,
): WorkloadReplay {
  const held = new Map<string, { areaId: string; hours: number }[]>();
  const overrides = new Set<string>();
  const replay: WorkloadReplay = { peak: new Map(), overNorm: [] };
  const loadOn = (areaId: string, skipOverrides: boolean) =>
    [...held].reduce((total, [id, loads]) => total + (skipOverrides && overrides.has(id) ? 0 : loads.filter((l) => l.areaId === areaId).reduce((s, l) => s + l.hours, 0)), 0);
  for (const e of log) {
    const loads = loadsOf(e.subjectId).filter((l) => normOf(l.areaId) !== null);
    if (loads.length === 0) continue;
    if (e.toState === 'released' && e.fromState !== 'released') {
      if (e.action === 'FORCE_RELEASE') overrides.add(e.subjectId);
      else {
        for (const { areaId, hours } of loads) {
          const before = loadOn(areaId, true);
          if (before > 0 && before + hours > normOf(areaId)! + 1e-9) replay.overNorm.push({ areaId, orderId: e.subjectId, seq: e.seq, load: before + hours, norm: normOf(areaId)! });
        }
      }
      held.set(e.subjectId, [...loads]);
    }
    if (SLOT_ENDS.has(e.toState ?? '') && e.fromState !== e.toState) {
      held.delete(e.subjectId);
      overrides.delete(e.subjectId);
    }
    for (const { areaId } of loads) replay.peak.set(areaId, Math.max(replay.peak.get(areaId) ?? 0, loadOn(areaId, false)));
  }
  return replay;
}
