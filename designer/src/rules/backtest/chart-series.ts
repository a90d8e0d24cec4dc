import type { BacktestPolicyResult, BacktestSample } from '../../../../domain/backtest.ts';

export interface ChartLine {
  label: string;
  points: { t: number; v: number }[];
}

/** At most `max` samples, evenly spread and keeping the last, so that a long run draws and tabulates quickly. */
export function thin<T>(samples: readonly T[], max: number): T[] {
  if (samples.length <= max) return [...samples];
  const step = (samples.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => samples[Math.round(i * step)]!);
}

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);

/** One line per policy of a figure of each sample (the pool, the WIP over all areas…). */
export function perPolicy(policies: readonly BacktestPolicyResult[], figure: (s: BacktestSample) => number, max: number): ChartLine[] {
  return policies.map((p) => ({ label: p.label, points: thin(p.series, max).map((s) => ({ t: s.t, v: figure(s) })) }));
}

export const poolOf = (s: BacktestSample) => s.pool;
export const wipOf = (s: BacktestSample) => sum(s.wip);

/** One line per area of one policy's load. */
export function loadPerArea(policy: BacktestPolicyResult, max: number): ChartLine[] {
  const areas = [...new Set(policy.series.flatMap((s) => Object.keys(s.load)))].sort();
  const samples = thin(policy.series, max);
  return areas.map((area) => ({ label: area, points: samples.map((s) => ({ t: s.t, v: s.load[area] ?? 0 })) }));
}

/** Where the axes start and end: from zero (these figures are counts and hours) to the largest value. */
export function extent(lines: readonly ChartLine[]): { t0: number; t1: number; vMax: number } {
  const points = lines.flatMap((l) => l.points);
  if (points.length === 0) return { t0: 0, t1: 1, vMax: 1 };
  const ts = points.map((p) => p.t);
  const t0 = Math.min(...ts);
  const t1 = Math.max(...ts);
  return { t0, t1: t1 > t0 ? t1 : t0 + 1, vMax: Math.max(1, ...points.map((p) => p.v)) };
}
