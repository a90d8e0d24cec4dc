/** Two-sided 95% quantiles of Student's t for 1 to 30 degrees of freedom. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064,
  2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** t(0.975, df); past 30 degrees of freedom, Cornish–Fisher's expansion around the normal quantile (within 1e-3). */
export function studentT975(df: number): number {
  if (df < 1) throw new RangeError('Student t needs at least one degree of freedom');
  if (df <= 30) return T_975[df - 1]!;
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}

/** A figure over replications: its mean and the half width of its 95% confidence interval (Student t). */
export type Kpi = { mean: number; halfWidth: number };

/** One replication gives no spread to judge by: its interval's half width is 0, to be read as unknown. */
export function meanWithInterval(values: readonly number[]): Kpi {
  const n = values.length;
  if (n === 0) return { mean: 0, halfWidth: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, halfWidth: 0 };
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  return { mean, halfWidth: studentT975(n - 1) * Math.sqrt(variance / n) };
}
