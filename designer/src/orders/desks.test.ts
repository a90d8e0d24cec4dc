import { describe, expect, it } from 'vitest';
import { deskFor } from './desks.ts';

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
