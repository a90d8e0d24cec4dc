/** A deterministic pseudo-random sequence in [0, 1), so a failing run can be repeated. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
}
