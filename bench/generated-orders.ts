/** Seeded generated orders, so every run of a suite measures the same pool. */

/** mulberry32: a small seeded PRNG. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
export const pick = <T>(rng: () => number, values: readonly T[]): T => values[Math.floor(rng() * values.length)]!;
export const between = (rng: () => number, min: number, max: number) => min + rng() * (max - min);
export const round1 = (n: number) => Math.round(n * 10) / 10;

export const KINDS = ['production', 'pick', 'on_demand', 'pickup', 'delivery', 'pickup_delivery'] as const;
const STATED = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const;
const TIERS = ['standard', 'standard', 'standard', 'key', 'major'] as const;
const HOUR = 3_600_000;

/** A waiting order as a pool holds it: the inputs of its priority facts, plus what the pool sorts by. */
export interface PooledOrder {
  id: string;
  kind: (typeof KINDS)[number];
  accountTier: (typeof TIERS)[number];
  statedPriority: (typeof STATED)[number];
  dueAt: Date;
  createdAt: Date;
  queuedAt: Date;
  lines: { qty: number; price: number }[];
}

/** Created up to 3 days before `now`, due from 12 hours overdue to 4 days ahead, 1 to 30 lines (few lines are the common case). */
export function pooledOrder(rng: () => number, id: string, now: number): PooledOrder {
  const createdAt = now - between(rng, 0, 72) * HOUR;
  const lines = Array.from({ length: 1 + Math.floor(rng() ** 2 * 30) }, () => ({ qty: 1 + Math.floor(rng() * 20), price: round1(between(rng, 1, 400)) }));
  return {
    id,
    kind: pick(rng, KINDS),
    accountTier: pick(rng, TIERS),
    statedPriority: pick(rng, STATED),
    dueAt: new Date(now + between(rng, -12, 96) * HOUR),
    createdAt: new Date(createdAt),
    queuedAt: new Date(createdAt + between(rng, 0, 2) * HOUR),
    lines,
  };
}
