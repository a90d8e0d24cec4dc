import { describe, expect, it } from 'vitest';
import { meanWithInterval, studentT975 } from './confidence.ts';

describe('confidence intervals', () => {
  it.each([
    { df: 1, t: 12.706 },
    { df: 9, t: 2.262 },
    { df: 30, t: 2.042 },
    { df: 60, t: 2.0 },
    { df: 120, t: 1.98 },
    { df: 10_000, t: 1.96 },
  ])('Student t(0.975) with $df degrees of freedom is $t', ({ df, t }) => {
    expect(studentT975(df)).toBeCloseTo(t, 2);
  });

  it.each([
    { values: [], kpi: { mean: 0, halfWidth: 0 } },
    { values: [4], kpi: { mean: 4, halfWidth: 0 } },
    // mean 3, sample sd √2.5, n 5: 2.776 × √(2.5 / 5)
    { values: [1, 2, 3, 4, 5], kpi: { mean: 3, halfWidth: 2.776 * Math.sqrt(0.5) } },
    { values: [7, 7, 7], kpi: { mean: 7, halfWidth: 0 } },
  ])('of $values', ({ values, kpi }) => {
    const found = meanWithInterval(values);
    expect(found.mean).toBeCloseTo(kpi.mean, 9);
    expect(found.halfWidth).toBeCloseTo(kpi.halfWidth, 9);
  });
});
