/** An order waiting in a work area's pool. */
export interface PoolEntry {
  orderId: string;
  priorityScore: number;
  dueAt: string;
  queuedAt: string;
  /** What the order weighs against a WIP limit counted in units (the lines' quantities). */
  units?: number;
}

/** Pool order: effective priority first, then the earlier due time, then the earlier arrival. */
export function comparePoolEntries(a: PoolEntry, b: PoolEntry): number {
  return b.priorityScore - a.priorityScore || a.dueAt.localeCompare(b.dueAt) || a.queuedAt.localeCompare(b.queuedAt) || a.orderId.localeCompare(b.orderId);
}

const fits = (load: number, w: number, limit: number) => load + w <= limit || load === 0;

/**
 * Whether the best-ranked entry fits now: what an area waits for. One pass over the pool, no sort, because
 * the controller asks after every signal it receives.
 */
export function nextFits(pool: readonly PoolEntry[], used: number, limit: number, weight: (e: PoolEntry) => number = () => 1): boolean {
  if (pool.length === 0 || used >= limit) return false;
  const best = pool.reduce((a, b) => (comparePoolEntries(a, b) <= 0 ? a : b));
  return fits(used, weight(best), limit);
}

/**
 * The entries to release now: the best-ranked ones, in rank order, while they fit the free capacity
 * (`weight` 1 per order, or its units). Ranking is kept strict: a heavy order is not overtaken by lighter
 * ones behind it. An order heavier than the whole limit goes when the area is empty, or it would wait forever.
 */
export function pickReleases(pool: readonly PoolEntry[], used: number, limit: number, weight: (e: PoolEntry) => number = () => 1): PoolEntry[] {
  const picked: PoolEntry[] = [];
  let load = used;
  for (const entry of [...pool].sort(comparePoolEntries)) {
    const w = weight(entry);
    if (!fits(load, w, limit)) break;
    picked.push(entry);
    load += w;
    if (load >= limit) break;
  }
  return picked;
}
