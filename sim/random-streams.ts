/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/** FNV-1a: turns a stream's purpose into 32 bits of its seed. */
function hashText(text: string, hash = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** SplitMix32: spreads a seed so that neighbouring seeds give unrelated generator states. */
function splitMix(state: number): () => number {
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

/** sfc32 (Chris Doty-Humphrey's small fast counter): 128 bits of state, passes PractRand, fast in plain integers. */
export function sfc32(seed: number): Uniform {
  const mix = splitMix(seed);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = 1;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/**
 * One independent generator per purpose (arrivals, routings, processing times, due dates…) and replication.
 * Policies compared on the same seed draw the same numbers for the same purpose — common random numbers — so
 * a difference between them is the policy's, not the dice's: an order arrives at the same time with the same
 * routing whichever policy releases it.
 */
export class RandomStreams {
  private readonly streams = new Map<string, Uniform>();

  readonly seed: number;
  readonly replication: number;

  constructor(seed: number, replication: number) {
    this.seed = seed;
    this.replication = replication;
  }

  stream(purpose: string): Uniform {
    let found = this.streams.get(purpose);
    if (!found) {
      found = sfc32(hashText(purpose, hashText(`${this.seed}/${this.replication}`)));
      this.streams.set(purpose, found);
    }
    return found;
  }
}
