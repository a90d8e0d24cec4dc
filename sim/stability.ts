import type { SeriesPoint } from './kpis.ts';

/** The least-squares slope of y over x. */
function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  return sxx === 0 ? 0 : sxy / sxx;
}

const inSystem = (p: SeriesPoint) => p.pool + Object.values(p.wip).reduce((a, b) => a + b, 0);

/**
 * Whether the orders in the system (pool and floor) stay bounded: after the warm-up, their fitted linear
 * trend must not rise by more than a quarter of their mean level, nor by more than 20 orders. A shop that
 * releases less than arrives grows linearly, and its trend rises by about twice its mean; a stable shop's
 * trend over thousands of hours is noise around zero.
 */
export function isStable(series: readonly SeriesPoint[], warmUp: number): boolean {
  const observed = series.filter((p) => p.t >= warmUp);
  if (observed.length < 4) return true;
  const points = observed.map((p) => ({ x: p.t, y: inSystem(p) }));
  const rise = slope(points) * (points.at(-1)!.x - points[0]!.x);
  const level = points.reduce((a, p) => a + p.y, 0) / points.length;
  return rise <= Math.max(20, level / 4);
}
