import type { PolicyResult } from './backtest.ts';
import type { Kpi } from './confidence.ts';
import { KPI_LABELS, type KpiName } from './kpis.ts';

/** The figures a table shows, in order; the rest stay in the result. */
export const TABLE_KPIS: KpiName[] = ['totalThroughputTime', 'poolWait', 'floorTime', 'percentTardy', 'meanTardiness', 'onTimeReleasePercent', 'queueBalance', 'meanWip', 'utilisation'];

const digits = (name: KpiName) => (KPI_LABELS[name].unit === 'ratio' ? 3 : KPI_LABELS[name].unit === '%' ? 1 : 2);
const withInterval = (kpi: Kpi, places: number) => `${kpi.mean.toFixed(places)} ± ${kpi.halfWidth.toFixed(places)}`;
const signed = (kpi: Kpi, places: number) => `${kpi.mean >= 0 ? '+' : ''}${withInterval(kpi, places)}`;

export type TableRow = { policy: PolicyResult; setting: string };

/**
 * A Markdown table of policies × settings: each KPI as mean ± 95% half width over the replications, whether
 * the run stayed stable, and the paired differences from the first policy of each run (the baseline) in total
 * throughput time and % tardy.
 */
export function reportTable(rows: readonly TableRow[], settingLabel: string, baseline: string): string {
  const unit = (name: KpiName) => (KPI_LABELS[name].unit === 'ratio' ? '' : ` (${KPI_LABELS[name].unit})`);
  const header = ['Policy', settingLabel, ...TABLE_KPIS.map((n) => `${KPI_LABELS[n].label}${unit(n)}`), 'Stable', `Δ throughput time vs ${baseline} (h)`, `Δ tardy vs ${baseline} (%)`];
  const lines = rows.map(({ policy, setting }) => [
    policy.label,
    setting,
    ...TABLE_KPIS.map((n) => withInterval(policy.kpis[n], digits(n))),
    policy.stable ? 'yes' : 'NO',
    policy.delta ? signed(policy.delta.totalThroughputTime, 2) : '',
    policy.delta ? signed(policy.delta.percentTardy, 1) : '',
  ]);
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export type DeltaRow = { label: string; setting: string; delta: Partial<Record<KpiName, Kpi>> };

/** A Markdown table of paired differences from a baseline policy (a − baseline, mean ± 95% half width). */
export function deltaTable(rows: readonly DeltaRow[], settingLabel: string, kpis: readonly KpiName[]): string {
  const unit = (name: KpiName) => (KPI_LABELS[name].unit === 'ratio' ? '' : ` (${KPI_LABELS[name].unit})`);
  const header = ['Policy', settingLabel, ...kpis.map((n) => `Δ ${KPI_LABELS[n].label.toLowerCase()}${unit(n)}`)];
  const lines = rows.map((row) => [row.label, row.setting, ...kpis.map((n) => (row.delta[n] ? signed(row.delta[n], digits(n)) : ''))]);
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
