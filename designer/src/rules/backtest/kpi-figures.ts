import type { BacktestPolicyResult, BacktestResult, Kpi } from '../../../../domain/backtest.ts';

type Better = 'lower' | 'higher' | null;
interface KpiSpec {
  label: string;
  unit: 'h' | '%' | '';
  /** Which way is better; null where neither is (utilisation follows what arrives). */
  better: Better;
}

/** The KPIs a backtest reports, in the order people read them; one it does not know is shown by its name. */
export const KPI_SPECS: Record<string, KpiSpec> = {
  totalThroughputTime: { label: 'Total throughput time', unit: 'h', better: 'lower' },
  poolWait: { label: 'Pool wait', unit: 'h', better: 'lower' },
  floorTime: { label: 'Floor time', unit: 'h', better: 'lower' },
  percentTardy: { label: '% tardy', unit: '%', better: 'lower' },
  meanTardiness: { label: 'Mean tardiness', unit: 'h', better: 'lower' },
  onTimeRelease: { label: 'On-time release', unit: '%', better: 'higher' },
  onTimeCompletion: { label: 'On-time completion', unit: '%', better: 'higher' },
  queueBalance: { label: 'Queue balance (spread)', unit: '', better: 'lower' },
  utilisation: { label: 'Utilisation', unit: '%', better: null },
};

export const kpiSpec = (name: string): KpiSpec => KPI_SPECS[name] ?? { label: name, unit: '', better: null };

/** The KPI names of a result, known ones first in their reading order. */
export function kpiNames(result: BacktestResult): string[] {
  const present = new Set(result.policies.flatMap((p) => Object.keys(p.kpis)));
  return [...Object.keys(KPI_SPECS).filter((n) => present.has(n)), ...[...present].filter((n) => !(n in KPI_SPECS)).sort()];
}

const number = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1));

/** "12.1%", "3.4 h", "0.8". */
export function formatValue(name: string, value: number): string {
  const { unit } = kpiSpec(name);
  if (unit === '%') return `${number(value)}%`;
  return unit ? `${number(value)} ${unit}` : number(value);
}

/** "12.1% ± 0.8". */
export const formatKpi = (name: string, { mean, halfWidth }: Kpi) => `${formatValue(name, mean)} ± ${number(halfWidth)}`;

/**
 * Whether `a` is better than `b`: only when their confidence intervals do not overlap, so that a
 * difference the replications cannot tell from noise is called no difference.
 */
export function compare(name: string, a: Kpi, b: Kpi): 'better' | 'worse' | 'same' {
  const { better } = kpiSpec(name);
  if (!better || Math.abs(a.mean - b.mean) <= a.halfWidth + b.halfWidth) return 'same';
  return (a.mean < b.mean) === (better === 'lower') ? 'better' : 'worse';
}

/** The policy whose figure is better than every other's beyond the noise, if one is. */
export function bestPolicy(name: string, policies: readonly BacktestPolicyResult[]): string | null {
  const with_ = policies.filter((p) => p.kpis[name]);
  const best = with_.find((p) => with_.every((q) => q === p || compare(name, p.kpis[name]!, q.kpis[name]!) === 'better'));
  return best?.label ?? null;
}

export interface KpiDelta {
  name: string;
  label: string;
  /** "12.1% → 9.4% (±0.8)" or, for times, "+0.3 h". */
  text: string;
  verdict: 'better' | 'worse' | 'same';
}

/** What the draft changes against the rules in force (or, without any, the first baseline), KPI by KPI. */
export function draftDeltas(result: BacktestResult): { against: string; deltas: KpiDelta[] } | null {
  const draft = result.policies.find((p) => p.role === 'draft');
  const other = result.policies.find((p) => p.role === 'published') ?? result.policies.find((p) => p.role === 'baseline');
  if (!draft || !other) return null;
  const deltas = kpiNames(result).flatMap((name) => {
    const [a, b] = [draft.kpis[name], other.kpis[name]];
    if (!a || !b) return [];
    const spec = kpiSpec(name);
    const diff = a.mean - b.mean;
    const text = spec.unit === 'h' ? `${diff >= 0 ? '+' : '−'}${number(Math.abs(diff))} h (±${number(a.halfWidth)})` : `${formatValue(name, b.mean)} → ${formatValue(name, a.mean)} (±${number(a.halfWidth)})`;
    return [{ name, label: spec.label, text, verdict: compare(name, a, b) }];
  });
  return { against: other.label, deltas };
}
