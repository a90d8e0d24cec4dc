import { describe, expect, it } from 'vitest';
import { defaultLineParts, holdsHeading, partChoices, partsOf } from './split-parts.ts';

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

describe('partChoices', () => {
  it.each<[number[], number]>([
    [[1, 2], 2],
    [[1, 2, 2], 3],
    [[1, 3, 3, 3, 3], 4],
    [[2, 2, 2], 3],
    [defaultLineParts(5_000), 3],
  ])('offers the parts in use and one more, at most one per line: %j → %i', (lineParts, choices) => {
    expect(partChoices(lineParts)).toBe(choices);
  });
});

describe('partsOf at size', () => {
  it('groups 5,000 lines into their parts', () => {
    const parts = partsOf(Array.from({ length: 5_000 }, (_, line) => 1 + (line % 3)));
    expect(parts.map((lines) => lines.length)).toEqual([1_667, 1_667, 1_666]);
  });
});

describe('holdsHeading', () => {
  it.each([
    ['on_hold', 'Holds'],
    ['queued', 'Holds'],
    ['split', 'Held when split (its parts carry on)'],
  ] as const)('%s: %s', (state, heading) => {
    expect(holdsHeading(state)).toBe(heading);
  });
});
