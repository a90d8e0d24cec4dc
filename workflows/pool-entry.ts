/** What an order tells its area when it enters the pool; the pool itself lives in the store. */
export interface PoolEntry {
  orderId: string;
  priorityScore: number;
  dueAt: string;
  queuedAt: string;
  /** What the order weighs against a WIP limit counted in units (the lines' quantities). */
  units?: number;
}
