import { describe, expect, it } from 'vitest';
import { defaultLineParts, partsOf } from './split-parts.ts';

describe('partsOf', () => {
  it('groups the lines by their part, in part order', () => {
    expect(partsOf([2, 1, 2, 1])).toEqual([[1, 3], [0, 2]]);
  });

  it('leaves out part numbers nobody chose', () => {
    expect(partsOf([1, 3, 3])).toEqual([[0], [1, 2]]);
  });

  it('gives one part when every line is in the same one', () => {
    expect(partsOf([2, 2])).toEqual([[0, 1]]);
  });
});

describe('defaultLineParts', () => {
  it('splits off every line but the first', () => {
    expect(partsOf(defaultLineParts(3))).toEqual([[0], [1, 2]]);
  });
});
