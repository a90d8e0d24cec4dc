import { describe, expect, it } from 'vitest';
import { formatWait } from './duration.ts';

describe('formatWait', () => {
  it('uses at most two units, rounding seconds up', () => {
    expect(formatWait(0.2)).toBe('1 second');
    expect(formatWait(45)).toBe('45 seconds');
    expect(formatWait(60)).toBe('1 minute');
    expect(formatWait(125)).toBe('2 minutes 5 seconds');
    expect(formatWait(3_600)).toBe('1 hour');
    expect(formatWait(4_300)).toBe('1 hour 11 minutes');
  });
});
