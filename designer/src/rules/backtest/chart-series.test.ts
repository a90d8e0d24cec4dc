import { describe, expect, it } from 'vitest';
import type { BacktestPolicyResult } from '../../../../domain/backtest.ts';
import { extent, loadPerArea, perPolicy, thin, wipOf } from './chart-series.ts';

const samples = (n: number) => Array.from({ length: n }, (_, t) => ({ t, pool: t, wip: { a: 1, b: t }, load: (t % 2 ? { a: t } : { a: t, b: 2 }) as Record<string, number> }));
const policy = (label: string, n: number): BacktestPolicyResult => ({ label, role: 'draft', stable: true, kpis: {}, series: samples(n) });

describe('backtest chart series', () => {
  it.each([
    { n: 0, max: 5, expected: [] },
    { n: 3, max: 5, expected: [0, 1, 2] },
    { n: 101, max: 5, expected: [0, 25, 50, 75, 100] },
  ])('thins $n samples to at most $max, keeping the first and the last', ({ n, max, expected }) => {
    expect(thin(samples(n), max).map((s) => s.t)).toEqual(expected);
  });

  it('draws one line per policy of the summed WIP, and one per area of a policy\'s load', () => {
    expect(perPolicy([policy('Draft', 3), policy('In force', 3)], wipOf, 10).map((l) => [l.label, l.points.map((p) => p.v)])).toEqual([
      ['Draft', [1, 2, 3]],
      ['In force', [1, 2, 3]],
    ]);
    expect(loadPerArea(policy('Draft', 3), 10)).toEqual([
      { label: 'a', points: [{ t: 0, v: 0 }, { t: 1, v: 1 }, { t: 2, v: 2 }] },
      { label: 'b', points: [{ t: 0, v: 2 }, { t: 1, v: 0 }, { t: 2, v: 2 }] },
    ]);
  });

  it('scales from zero to the largest value, and never to an empty range', () => {
    expect(extent([])).toEqual({ t0: 0, t1: 1, vMax: 1 });
    expect(extent([{ label: 'x', points: [{ t: 5, v: 0 }] }])).toEqual({ t0: 5, t1: 6, vMax: 1 });
    expect(extent([{ label: 'x', points: [{ t: 0, v: 3 }, { t: 10, v: 7 }] }])).toEqual({ t0: 0, t1: 10, vMax: 7 });
  });
});
