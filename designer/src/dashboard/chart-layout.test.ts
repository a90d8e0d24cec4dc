import { describe, expect, it } from 'vitest';
import { barLayout, niceMax } from './chart-layout.ts';

describe('niceMax', () => {
  it.each([
    { max: 0, percent: false, expected: 1 },
    { max: 7, percent: false, expected: 10 },
    { max: 13, percent: false, expected: 20 },
    { max: 420, percent: false, expected: 500 },
    { max: 37, percent: true, expected: 100 },
  ])('$max (percent: $percent) → $expected', ({ max, percent, expected }) => {
    expect(niceMax(max, percent)).toBe(expected);
  });
});

describe('barLayout', () => {
  it('draws a bar per figure, none for a missing one, full height at the top of the scale', () => {
    const layout = barLayout([[100, 50], [null, 0]], { width: 134, height: 122, percent: true });
    expect(layout.bars.map((b) => [b.row, b.series, b.height])).toEqual([
      [0, 0, 100],
      [0, 1, 50],
      [1, 1, 0],
    ]);
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 50, 100]);
  });

  it('labels at most eight buckets, evenly spaced', () => {
    const layout = barLayout(Array.from({ length: 21 }, () => [1]), { width: 400, height: 100, percent: false });
    expect(layout.labels.map((l) => l.row)).toEqual([0, 3, 6, 9, 12, 15, 18]);
  });
});
