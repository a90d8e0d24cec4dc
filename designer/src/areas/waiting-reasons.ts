import type { ReleaseCycleView } from '../../../domain/release-cycle-view.ts';

/** Why a cycle's waiting orders wait, the commonest reason first: what a dispatcher asks first of a full pool. */
export function waitingReasons(cycle: Pick<ReleaseCycleView, 'waitedByReason'>, top = 3): { reason: string; orders: number }[] {
  return Object.entries(cycle.waitedByReason)
    .map(([reason, orders]) => ({ reason, orders }))
    .sort((a, b) => b.orders - a.orders || a.reason.localeCompare(b.reason))
    .slice(0, top);
}
