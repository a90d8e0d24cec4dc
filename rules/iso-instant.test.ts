import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoInstant } from './iso-instant.ts';

describe('isoInstant', () => {
  it.each([0, 1, 999, 1000.9, 59_999, 86_399_999, 86_400_000, 951_782_400_000, 253_402_300_799_999, 253_402_300_800_000, -1, -0.5, -86_400_001, 8.64e15])('%d is what Date says', (ms) => {
    expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
  });

  it('throws on what Date cannot format, as Date does', () => {
    expect(() => isoInstant(Number.NaN)).toThrow(RangeError);
    expect(() => isoInstant(9e15)).toThrow(RangeError);
  });

  it('agrees with Date on any instant', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.double({ min: -1e13, max: 3e14, noNaN: true })), (ms) => isoInstant(ms) === new Date(ms).toISOString()),
      { numRuns: 20_000 },
    );
  });
});
