export interface ChartSeries {
  label: string;
}

export interface Bar {
  row: number;
  series: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

const PAD = { left: 34, top: 6, bottom: 16 };
// Labels under the bars stay readable: at most this many, evenly spaced.
const MAX_LABELS = 8;

/** A scale that ends on a round figure: 100 for percentages, else 1, 2 or 5 times a power of ten. */
export function niceMax(max: number, percent: boolean): number {
  if (percent) return 100;
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= max)!;
}

/** Where each bar, gridline and label of a grouped bar chart goes: rows are buckets, values their series; null draws nothing. */
export function barLayout(rows: readonly (readonly (number | null)[])[], size: { width: number; height: number; percent: boolean }) {
  const plotWidth = size.width - PAD.left;
  const plotHeight = size.height - PAD.top - PAD.bottom;
  const values = rows.flat().filter((v): v is number => v !== null);
  const top = niceMax(Math.max(0, ...values), size.percent);
  const y = (v: number) => PAD.top + plotHeight * (1 - Math.min(v, top) / top);
  const slot = rows.length > 0 ? plotWidth / rows.length : plotWidth;
  const seriesCount = Math.max(1, ...rows.map((r) => r.length));
  const barWidth = (slot * 0.8) / seriesCount;
  const bars: Bar[] = rows.flatMap((r, row) =>
    r.flatMap((v, series) => (v === null ? [] : [{ row, series, x: PAD.left + row * slot + slot * 0.1 + series * barWidth, y: y(v), width: barWidth, height: PAD.top + plotHeight - y(v) }])),
  );
  const every = Math.max(1, Math.ceil(rows.length / MAX_LABELS));
  const labels = rows.map((_, row) => ({ row, x: PAD.left + (row + 0.5) * slot })).filter((l) => l.row % every === 0);
  const ticks = [0, top / 2, top].map((value) => ({ value, y: y(value) }));
  return { left: PAD.left, bars, labels, ticks };
}
