/**
 * How long a viewport move may animate: a person who asked their system for reduced motion gets the jump
 * without the glide (panning canvases are a known trigger), and so does a test browser, whose clicks would
 * otherwise land where a node was a moment before.
 */
export const motionMs = (ms: number, prefersReduced = reducedMotionWanted()): number => (prefersReduced ? 0 : ms);

const reducedMotionWanted = (): boolean =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
