import { describe, expect, it } from 'vitest';
import type { PolicyResult } from './backtest.ts';
import { KPI_NAMES, type KpiName } from './kpis.ts';
import { deltaTable, reportTable } from './report-table.ts';

const kpis = (mean: number, halfWidth: number) => Object.fromEntries(KPI_NAMES.map((n) => [n, { mean, halfWidth }])) as Record<KpiName, { mean: number; halfWidth: number }>;
const policy = (label: string, o: Partial<PolicyResult> = {}): PolicyResult => ({ label, kpis: kpis(2, 0.5), series: [], stable: true, ...o });

describe('the report table', () => {
  it('shows each figure with its interval, stability and the paired difference from the baseline', () => {
    const table = reportTable(
      [
        { policy: policy('Immediate release', { delta: kpis(0, 0) }), setting: '5' },
        { policy: policy('EDD pool', { stable: false, delta: kpis(-1.234, 0.5) }), setting: '5' },
      ],
      'Norm (h)',
      'immediate',
    ).split('\n');
    expect(table[0]).toMatch(/^\| Policy \| Norm \(h\) \| Total throughput time \(h\) \| .* \| Stable \| Δ throughput time vs immediate \(h\) \| Δ tardy vs immediate \(%\) \|$/);
    expect(table[1]).toMatch(/^(\| --- )+\|$/);
    expect(table[2]).toMatch(/^\| Immediate release \| 5 \| 2\.00 ± 0\.50 \| .* \| 2\.0 ± 0\.5 \| .* \| 2\.000 ± 0\.500 \| yes \| \+0\.00 ± 0\.00 \| \+0\.0 ± 0\.0 \|$/);
    expect(table[3]).toMatch(/\| NO \| -1\.23 ± 0\.50 \| -1\.2 ± 0\.5 \|$/);
  });

  it('shows paired differences from a baseline, signed', () => {
    const table = deltaTable([{ label: 'Draft', setting: '5', delta: { percentTardy: { mean: -0.26, halfWidth: 0.16 } } }], 'Norm (h)', ['percentTardy', 'totalThroughputTime']).split('\n');
    expect(table).toEqual(['| Policy | Norm (h) | Δ tardy (%) | Δ total throughput time (h) |', '| --- | --- | --- | --- |', '| Draft | 5 | -0.3 ± 0.2 |  |']);
  });
});
