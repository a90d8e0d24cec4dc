import { describe, expect, it } from 'vitest';
import { againstLimit } from './labels.ts';

describe('againstLimit', () => {
  it('says what an area holds against its limit', () => {
    expect(againstLimit(2, 5, 'orders')).toBe('2 of 5 orders');
    expect(againstLimit(7.25, 12, 'units')).toBe('7.3 of 12 units');
  });
});
