import { describe, expect, it } from 'vitest';
import { codSharesOf } from './split-order.ts';

describe('a COD amount shared among the parts of a split', () => {
  it.each([
    { what: 'no COD amount: none on the parts', cod: null, values: [10, 30], shares: [null, null] },
    { what: 'by value', cod: 40, values: [10, 30], shares: [10, 30] },
    { what: 'rounding left to the last part, the sum kept', cod: 10, values: [1, 1, 1], shares: [3.33, 3.33, 3.34] },
    { what: 'cents kept exact', cod: 0.29, values: [1, 1], shares: [0.15, 0.14] },
    { what: 'parts worth nothing: all on the last', cod: 25, values: [0, 0], shares: [0, 25] },
  ])('$what', ({ cod, values, shares }) => {
    const got = codSharesOf(cod, values);
    expect(got).toEqual(shares);
    if (cod !== null) expect(Math.round(got.reduce<number>((sum, c) => sum + (c ?? 0), 0) * 100)).toBe(Math.round(cod * 100));
  });
});
