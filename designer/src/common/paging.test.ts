import { describe, expect, it } from 'vitest';
import { pageCount, pageStart } from './paging.ts';

describe('pageCount', () => {
  it.each([
    [0, 50, 1],
    [1, 50, 1],
    [50, 50, 1],
    [51, 50, 2],
    [5_000, 50, 100],
  ])('%i items at %i a page take %i pages', (total, size, pages) => {
    expect(pageCount(total, size)).toBe(pages);
  });
});

describe('pageStart', () => {
  it.each([
    [1, 50, 0],
    [2, 50, 50],
    [100, 50, 4_950],
  ])('page %i at %i a page starts at item %i', (page, size, start) => {
    expect(pageStart(page, size)).toBe(start);
  });
});
