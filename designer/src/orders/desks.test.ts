import { describe, expect, it } from 'vitest';
import { DESK_PAGE_SIZE, deskFor, deskPage } from './desks.ts';

describe('deskPage', () => {
  it.each([
    [1, 0],
    [2, DESK_PAGE_SIZE],
    [5, 4 * DESK_PAGE_SIZE],
  ])('asks the server for page %i from offset %i', (page, offset) => {
    expect(deskPage('exceptions', page)).toEqual({ desk: 'exceptions', offset, limit: DESK_PAGE_SIZE });
  });
});

describe('deskFor', () => {
  it('starts people at the desk of their first role', () => {
    expect(deskFor(['dispatcher'])).toBe('exceptions');
    expect(deskFor(['specialist', 'dispatcher'])).toBe('specialist');
    expect(deskFor(['finance'])).toBe('remit');
  });

  it('shows everything to roles without a desk of their own', () => {
    expect(deskFor(['ops_manager', 'dispatcher'])).toBe('all');
    expect(deskFor(['admin'])).toBe('all');
    expect(deskFor([])).toBe('all');
  });
});
