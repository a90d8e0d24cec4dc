import { describe, expect, it } from 'vitest';
import { motionMs } from './motion.ts';

describe('motionMs', () => {
  it.each([
    [false, 300, 300],
    [true, 300, 0],
  ])('prefers reduced motion %s: %i ms becomes %i ms', (reduced, asked, given) => {
    expect(motionMs(asked, reduced)).toBe(given);
  });

  it('animates where no media query can be asked (no window)', () => {
    expect(motionMs(300)).toBe(300);
  });
});
