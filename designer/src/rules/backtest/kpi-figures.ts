import type { BacktestPolicyResult, BacktestResult, Kpi } from '../../../../domain/backtest.ts';
import { KPI_LABELS, KPI_NAMES, type KpiName } from '../../../../sim/kpis.ts';

type Unit = (typeof KPI_LABELS)[KpiName]['unit'];
interface KpiSpec {
  label: string;
  unit: Unit | '';
  /** Which way is better; null where neither is (utilisation follows what arrives). */
  better: 'lower' | 'higher' | null;
}

/** How a KPI reads, as the simulator describes it; one it does not know is shown by its name. */
export function kpiSpec(name: string): KpiSpec {
  const known = (KPI_LABELS as Record<string, (typeof KPI_LABELS)[KpiName] | undefined>)[name];
  return known ? { ...known, better: known.better === 'neither' ? null : known.better } : { label: name, unit: '', better: null };
}

/** The KPI names of a result, known ones first in their reading order. */
export function kpiNames(result: BacktestResult): string[] {
  const present = new Set(result.policies.flatMap((p) => Object.keys(p.kpis)));
  const known: readonly string[] = KPI_NAMES;
  return [...known.filter((n) => present.has(n)), ...[...present].filter((n) => !known.includes(n)).sort()];
}

const number = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1));
/** A ratio (utilisation) lives between 0 and 1: one decimal would hide every difference. */
const figure = (name: string, value: number) => (kpiSpec(name).unit === 'ratio' ? value.toFixed(2) : number(value));

/** "12.1%", "3.4 h", "0.8 orders/h", "0.90". */
export function formatValue(name: string, value: number): string {
  const { unit } = kpiSpec(name);
  if (unit === '%') return `${figure(name, value)}%`;
  return unit && unit !== 'ratio' ? `${figure(name, value)} ${unit}` : figure(name, value);
}

/** "12.1% ± 0.8". */
export const formatKpi = (name: string, { mean, halfWidth }: Kpi) => `${formatValue(name, mean)} ± ${figure(name, halfWidth)}`;

/** Whether `a` is better than `b` beyond both intervals: a difference the replications cannot tell from noise is none. */
export const compare = (name: string, a: Kpi, b: Kpi) => verdictOf(name, { mean: a.mean - b.mean, halfWidth: a.halfWidth + b.halfWidth });

/** The policy whose figure is better than every other's beyond the noise, if one is. */
export function bestPolicy(name: string, policies: readonly BacktestPolicyResult[]): string | null {
  const with_ = policies.filter((p) => p.kpis[name]);
  const best = with_.find((p) => with_.every((q) => q === p || compare(name, p.kpis[name]!, q.kpis[name]!) === 'better'));
  return best?.label ?? null;
}

/**
 * The draft's figure minus another policy's, with the interval of that difference: paired replication by
 * replication when the simulator sent it (both saw the same random numbers), else the two intervals added.
 */
export function draftDifference(name: string, draft: BacktestPolicyResult, other: BacktestPolicyResult): Kpi | null {
  const [a, b] = [draft.kpis[name], other.kpis[name]];
  if (!a || !b) return null;
  const paired = other.delta?.[name];
  return paired ? { mean: -paired.mean, halfWidth: paired.halfWidth } : { mean: a.mean - b.mean, halfWidth: a.halfWidth + b.halfWidth };
}

/** Whether a difference of the draft's is better or worse, or cannot be told from chance. */
export function verdictOf(name: string, difference: Kpi): 'better' | 'worse' | 'same' {
  const { better } = kpiSpec(name);
  if (!better || Math.abs(difference.mean) <= difference.halfWidth) return 'same';
  return difference.mean < 0 === (better === 'lower') ? 'better' : 'worse';
}

export interface KpiDelta {
  name: string;
  label: string;
  /** "12.1% → 9.4% (±0.8)" or, for times, "+0.3 h (±0.2)"; the ± is the difference's. */
  text: string;
  verdict: 'better' | 'worse' | 'same';
}

/** What the draft changes against the rules in force (or, without any, the first baseline), for each KPI with a better side. */
export function draftDeltas(result: BacktestResult): { against: string; deltas: KpiDelta[] } | null {
  const draft = result.policies.find((p) => p.role === 'draft');
  const other = result.policies.find((p) => p.role === 'published') ?? result.policies.find((p) => p.role === 'baseline');
  if (!draft || !other) return null;
  const deltas = kpiNames(result).flatMap((name) => {
    const spec = kpiSpec(name);
    const difference = draftDifference(name, draft, other);
    if (!difference || !spec.better) return [];
    const { mean, halfWidth } = difference;
    const text =
      spec.unit === 'h'
        ? `${mean >= 0 ? '+' : '−'}${number(Math.abs(mean))} h (±${number(halfWidth)})`
        : `${formatValue(name, other.kpis[name]!.mean)} → ${formatValue(name, draft.kpis[name]!.mean)} (±${figure(name, halfWidth)})`;
    return [{ name, label: spec.label, text, verdict: verdictOf(name, difference) }];
  });
  return { against: other.label, deltas };
}
