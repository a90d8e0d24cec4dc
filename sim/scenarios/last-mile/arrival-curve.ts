/*
 * A last-mile day's arrivals: orders come in all day with a morning peak (people ordering at the start of
 * the working day) and a higher evening peak (after work), few at night. The curve is a relative rate per
 * hour of the day; a day's orders are drawn from it by inverting its cumulative distribution, so a day of
 * N orders has exactly N, spread as the curve says.
 */

/** A peak of the curve: its centre and spread in hours of the day, and its height above the base rate. */
export interface Peak {
  hour: number;
  spreadHours: number;
  height: number;
}

export interface ArrivalCurve {
  /** The rate at night, relative to the peaks. */
  base: number;
  /** Outside these hours nobody orders (the shop's opening hours for orders). */
  fromHour: number;
  toHour: number;
  peaks: Peak[];
}

export const DEFAULT_ARRIVAL_CURVE: ArrivalCurve = {
  base: 0.15,
  fromHour: 6,
  toHour: 22,
  peaks: [
    { hour: 9.5, spreadHours: 1.5, height: 0.8 },
    { hour: 18.5, spreadHours: 1.5, height: 1 },
  ],
};

/** The curve's relative rate at an hour of the day (0 outside its hours). */
export function arrivalRate(curve: ArrivalCurve, hour: number): number {
  if (hour < curve.fromHour || hour >= curve.toHour) return 0;
  let rate = curve.base;
  for (const p of curve.peaks) rate += p.height * Math.exp(-0.5 * ((hour - p.hour) / p.spreadHours) ** 2);
  return rate;
}

const STEPS_AN_HOUR = 60;

/** The cumulative share of the day's arrivals by the end of each minute of the day. */
function cumulative(curve: ArrivalCurve): Float64Array {
  const cdf = new Float64Array(24 * STEPS_AN_HOUR);
  let sum = 0;
  for (let i = 0; i < cdf.length; i++) cdf[i] = sum += arrivalRate(curve, (i + 0.5) / STEPS_AN_HOUR);
  for (let i = 0; i < cdf.length; i++) cdf[i]! /= sum;
  return cdf;
}

/**
 * `count` arrival times in hours since midnight, ascending, drawn from the curve with `uniform` (a stream
 * of [0, 1) numbers): each is the inverse of the curve's distribution at a uniform number, linear within a minute.
 */
export function arrivalTimes(curve: ArrivalCurve, count: number, uniform: () => number): Float64Array {
  const cdf = cumulative(curve);
  const times = new Float64Array(count);
  for (let n = 0; n < count; n++) {
    const u = uniform();
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    const before = lo === 0 ? 0 : cdf[lo - 1]!;
    const within = cdf[lo]! > before ? (u - before) / (cdf[lo]! - before) : 0;
    times[n] = (lo + within) / STEPS_AN_HOUR;
  }
  return times.sort();
}

/** The curve's busiest hour's share of the day's arrivals: what the drivers are sized for. */
export function peakHourShare(curve: ArrivalCurve): number {
  const cdf = cumulative(curve);
  let peak = 0;
  for (let h = 0; h < 24; h++) peak = Math.max(peak, cdf[(h + 1) * STEPS_AN_HOUR - 1]! - (h === 0 ? 0 : cdf[h * STEPS_AN_HOUR - 1]!));
  return peak;
}
