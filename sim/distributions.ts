import type { Uniform } from './random-streams.ts';

/** Exponentially distributed with the given mean (inter-arrival times of a Poisson process). */
export const exponential = (u: Uniform, mean: number) => -mean * Math.log(1 - u());

export const uniform = (u: Uniform, low: number, high: number) => low + (high - low) * u();

/** An integer from `low` to `high`, both included. */
export const uniformInt = (u: Uniform, low: number, high: number) => low + Math.floor(u() * (high - low + 1));

/** `count` distinct items of `items` in random order (a partial Fisher–Yates shuffle). */
export function distinctSample<T>(u: Uniform, items: readonly T[], count: number): T[] {
  const pool = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(u() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

/** Mean of a 2-Erlang with this rate, cut at `max` (values above `max` drawn again). */
function truncatedErlang2Mean(rate: number, max: number): number {
  const y = rate * max;
  const p2 = 1 - Math.exp(-y) * (1 + y);
  const p3 = 1 - Math.exp(-y) * (1 + y + (y * y) / 2);
  return ((2 / rate) * p3) / p2;
}

/**
 * A 2-Erlang distribution truncated at `max`, with the given mean after truncation (as the workload-control
 * literature states its processing times): the rate is solved for once, then values above `max` are drawn again.
 */
export function truncatedErlang2(mean: number, max: number): (u: Uniform) => number {
  if (!(mean > 0 && mean < max / 2)) throw new RangeError(`a 2-Erlang truncated at ${max} cannot have mean ${mean}`);
  let [low, high] = [1e-6, 1e6];
  // The truncated mean falls as the rate grows: bisect to the rate that gives `mean`.
  for (let i = 0; i < 200; i++) {
    const mid = Math.sqrt(low * high);
    if (truncatedErlang2Mean(mid, max) > mean) low = mid;
    else high = mid;
  }
  const scale = 1 / ((low + high) / 2);
  return (u) => {
    for (;;) {
      const x = -scale * (Math.log(1 - u()) + Math.log(1 - u()));
      if (x <= max) return x;
    }
  };
}
