/** An order waiting in a work area's pool. */
export interface PoolEntry {
  orderId: string;
  priorityScore: number;
  dueAt: string;
  queuedAt: string;
}

/** Pool order: effective priority first, then the earlier due time, then the earlier arrival. */
export function comparePoolEntries(a: PoolEntry, b: PoolEntry): number {
  return b.priorityScore - a.priorityScore || a.dueAt.localeCompare(b.dueAt) || a.queuedAt.localeCompare(b.queuedAt) || a.orderId.localeCompare(b.orderId);
}

/** The entries to release now: the best-ranked ones that fit the free capacity. */
export function pickReleases(pool: readonly PoolEntry[], inProcess: number, wipLimit: number): PoolEntry[] {
  const free = Math.max(0, wipLimit - inProcess);
  return [...pool].sort(comparePoolEntries).slice(0, free);
}
