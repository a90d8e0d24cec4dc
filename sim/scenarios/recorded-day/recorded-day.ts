import type { OrderKind, StatedPriority } from '../../../domain/order.ts';
import type { RulesetDefinition } from '../../../domain/ruleset.ts';
import type { LoadCorrection, ShiftCalendar, WorkAreaKind, WorkAreaStatus } from '../../../domain/work-area.ts';
import type { Operation } from '../../../rules/release-cycle.ts';

/*
 * A recorded day as plain data: what store/recorded-day.ts reads from the orders, the audit log and the
 * work areas, and what the pure replay (replay-recorded-day.ts) runs. Times are epoch milliseconds.
 */

/** A work area's settings as they were when the day began. */
export interface RecordedArea {
  id: string;
  kind: WorkAreaKind;
  zone: string | null;
  status: WorkAreaStatus;
  timeZone: string;
  unit: 'orders' | 'units';
  /** None: norms alone govern the area. */
  wipLimit: number | null;
  workloadNormHours: number | null;
  loadCorrection: LoadCorrection;
  starvationRelease: boolean;
  plannedLeadTimeHours: number;
  shiftCalendar: ShiftCalendar | null;
}

/** An order that entered a pool on the day, with the times its audit entries recorded. */
export interface RecordedOrder {
  id: string;
  /** What people call the order, for the changed decisions' list; the replay itself never reads it. */
  reference?: string | null;
  account: string;
  accountTier: string | null;
  kind: OrderKind;
  statedPriority: StatedPriority;
  dueAt: number;
  /** When it was captured: its age in the rules' facts counts from here. */
  createdAt: number;
  /** When it first entered its pool: its arrival in the replay. */
  queuedAt: number;
  /** The areas that may release it (its work area alone when it had no choice). */
  candidateAreas: string[];
  zone: string | null;
  units: number;
  orderValue: number;
  lineCount: number;
  operations?: Operation[];
  /** When a cycle released it and into which area, if one did. */
  releasedAt: number | null;
  releasedInto: string | null;
  /** When its work ended (completed, delivered, returned or cancelled after release), if it did. */
  doneAt: number | null;
}

export interface RecordedDay {
  /** The day, YYYY-MM-DD in UTC. */
  date: string;
  start: number;
  end: number;
  areas: RecordedArea[];
  /** The priority and release rulesets in force when the day began: the reference a draft's decisions are compared with. */
  rulesets: { priority?: RulesetDefinition; release?: RulesetDefinition };
  /** In arrival order. */
  orders: RecordedOrder[];
  /** Orders captured on the day that never entered a pool (rejected, held or in review all day). */
  neverQueued: number;
  /** Audit entries read to build the day. */
  auditRows: number;
}
