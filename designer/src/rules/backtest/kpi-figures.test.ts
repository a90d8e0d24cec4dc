import { describe, expect, it } from 'vitest';
import type { BacktestPolicyResult, BacktestResult, PolicyRole } from '../../../../domain/backtest.ts';
import { bestPolicy, compare, draftDeltas, formatKpi, kpiNames } from './kpi-figures.ts';

const policy = (label: string, role: PolicyRole, kpis: Record<string, [number, number]>): BacktestPolicyResult => ({
  label,
  role,
  stable: true,
  series: [],
  kpis: Object.fromEntries(Object.entries(kpis).map(([name, [mean, halfWidth]]) => [name, { mean, halfWidth }])),
});
const result = (...policies: BacktestPolicyResult[]): BacktestResult => ({ scenario: 'job-shop', replications: 5, horizon: 2000, warmUp: 500, seed: 1, policies });

describe('backtest KPI figures', () => {
  it.each([
    { name: 'percentTardy', a: [9.4, 0.8], b: [12.1, 0.9], expected: 'better' },
    { name: 'percentTardy', a: [12.1, 0.8], b: [9.4, 0.9], expected: 'worse' },
    { name: 'percentTardy', a: [10, 1], b: [11.5, 1], expected: 'same' },
    { name: 'onTimeCompletionPercent', a: [90, 1], b: [80, 1], expected: 'better' },
    { name: 'utilisation', a: [90, 0], b: [80, 0], expected: 'same' },
    { name: 'somethingNew', a: [1, 0], b: [2, 0], expected: 'same' },
  ] as const)('$name $a against $b is $expected: a difference inside the intervals is no difference', ({ name, a, b, expected }) => {
    expect(compare(name, { mean: a[0], halfWidth: a[1] }, { mean: b[0], halfWidth: b[1] })).toBe(expected);
  });

  it('names the best policy only when it beats every other beyond the noise', () => {
    const clear = result(policy('Draft', 'draft', { percentTardy: [5, 1] }), policy('In force', 'published', { percentTardy: [9, 1] }), policy('Immediate release', 'baseline', { percentTardy: [20, 2] }));
    expect(bestPolicy('percentTardy', clear.policies)).toBe('Draft');
    const close = result(policy('Draft', 'draft', { percentTardy: [8.5, 1] }), policy('In force', 'published', { percentTardy: [9, 1] }));
    expect(bestPolicy('percentTardy', close.policies)).toBeNull();
  });

  it('says the draft against the rules in force as "from → to (±)" and times as a signed difference, ± the two intervals without a paired one', () => {
    const r = result(policy('Draft', 'draft', { percentTardy: [9.4, 0.8], totalThroughputTime: [24.3, 0.2] }), policy('In force', 'published', { percentTardy: [12.1, 0.9], totalThroughputTime: [24, 0.2] }));
    expect(draftDeltas(r)).toEqual({
      against: 'In force',
      deltas: [
        { name: 'totalThroughputTime', label: 'Total throughput time', text: '+0.3 h (±0.4)', verdict: 'same' },
        { name: 'percentTardy', label: 'Tardy', text: '12.1% → 9.4% (±1.7)', verdict: 'better' },
      ],
    });
  });

  it('reads the paired difference when the simulator sends it: a small change on the same random orders is told from chance', () => {
    const inForce = { ...policy('In force', 'published', { percentTardy: [12.1, 0.9], totalThroughputTime: [24, 0.2] }), delta: { percentTardy: { mean: 2.7, halfWidth: 0.3 }, totalThroughputTime: { mean: -0.3, halfWidth: 0.1 } } };
    const r = result(policy('Draft', 'draft', { percentTardy: [9.4, 0.8], totalThroughputTime: [24.3, 0.2] }), inForce);
    expect(draftDeltas(r)?.deltas).toEqual([
      { name: 'totalThroughputTime', label: 'Total throughput time', text: '+0.3 h (±0.1)', verdict: 'worse' },
      { name: 'percentTardy', label: 'Tardy', text: '12.1% → 9.4% (±0.3)', verdict: 'better' },
    ]);
  });

  it('compares with the first baseline when no rules are in force, and says nothing without a draft', () => {
    const noneInForce = result(policy('Draft', 'draft', { poolWait: [3, 0.1] }), policy('Immediate release', 'baseline', { poolWait: [0, 0] }));
    expect(draftDeltas(noneInForce)?.against).toBe('Immediate release');
    expect(draftDeltas(result(policy('Immediate release', 'baseline', { poolWait: [0, 0] })))).toBeNull();
  });

  it('lists known KPIs in reading order, then unknown ones by name', () => {
    expect(kpiNames(result(policy('Draft', 'draft', { zeta: [1, 0], percentTardy: [1, 0], totalThroughputTime: [1, 0] })))).toEqual(['totalThroughputTime', 'percentTardy', 'zeta']);
    expect(formatKpi('poolWait', { mean: 3.14159, halfWidth: 0.25 })).toBe('3.1 h ± 0.3');
    expect(formatKpi('utilisation', { mean: 0.8971, halfWidth: 0.012 })).toBe('0.90 ± 0.01');
  });
});
