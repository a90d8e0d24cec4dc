/**
 * What a run reports, over the orders completed after the warm-up (order figures) or the time after it (time
 * averages). Times in hours; percentages 0–100.
 */
export const KPI_NAMES = [
  /** Arrival to completion. */
  'totalThroughputTime',
  /** Arrival to release: the time in the pool. */
  'poolWait',
  /** Release to completion: the shop floor throughput time. */
  'floorTime',
  'percentTardy',
  /** Mean of max(0, completion − due) over all completed orders. */
  'meanTardiness',
  /** Released no later than the planned release time. */
  'onTimeReleasePercent',
  'onTimeCompletionPercent',
  /** Time average of the standard deviation of the areas' direct queues (orders there, waiting or in process). */
  'queueBalance',
  /** Time averages of the orders released and not completed, and of the orders in the pool. */
  'meanWip',
  'meanPool',
  /** Busy time over available time, all areas together. */
  'utilisation',
  /** Orders completed per hour. */
  'throughputRate',
] as const;
export type KpiName = (typeof KPI_NAMES)[number];

/** How each figure reads in a table, and which way is better. */
export const KPI_LABELS: Record<KpiName, { label: string; unit: 'h' | '%' | 'orders' | 'ratio' | 'orders/h'; better: 'lower' | 'higher' | 'neither' }> = {
  totalThroughputTime: { label: 'Total throughput time', unit: 'h', better: 'lower' },
  poolWait: { label: 'Pool wait', unit: 'h', better: 'lower' },
  floorTime: { label: 'Floor time', unit: 'h', better: 'lower' },
  percentTardy: { label: 'Tardy', unit: '%', better: 'lower' },
  meanTardiness: { label: 'Mean tardiness', unit: 'h', better: 'lower' },
  onTimeReleasePercent: { label: 'On-time release', unit: '%', better: 'higher' },
  onTimeCompletionPercent: { label: 'On-time completion', unit: '%', better: 'higher' },
  queueBalance: { label: 'Queue spread (sd)', unit: 'orders', better: 'lower' },
  meanWip: { label: 'WIP', unit: 'orders', better: 'neither' },
  meanPool: { label: 'Pool', unit: 'orders', better: 'neither' },
  utilisation: { label: 'Utilisation', unit: 'ratio', better: 'neither' },
  throughputRate: { label: 'Throughput', unit: 'orders/h', better: 'higher' },
};

/** One sample of the state over time: orders in the pool, and per area the orders there and its released load in hours. */
export type SeriesPoint = { t: number; pool: number; wip: Record<string, number>; load: Record<string, number> };
