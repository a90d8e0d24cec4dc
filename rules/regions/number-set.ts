/** A set of numbers as sorted, disjoint intervals; enough to reason about comparisons in rules. */
export interface Interval {
  lo: number;
  hi: number;
  loIn: boolean;
  hiIn: boolean;
}
export type NumberSet = Interval[];

export const ALL_NUMBERS: NumberSet = [{ lo: -Infinity, hi: Infinity, loIn: false, hiIn: false }];
export const point = (v: number): NumberSet => [{ lo: v, hi: v, loIn: true, hiIn: true }];
export const below = (v: number, inclusive: boolean): NumberSet => [{ lo: -Infinity, hi: v, loIn: false, hiIn: inclusive }];
export const above = (v: number, inclusive: boolean): NumberSet => [{ lo: v, hi: Infinity, loIn: inclusive, hiIn: false }];

const empty = (i: Interval) => i.lo > i.hi || (i.lo === i.hi && !(i.loIn && i.hiIn));

export function intersect(a: NumberSet, b: NumberSet): NumberSet {
  const out: NumberSet = [];
  for (const x of a) {
    for (const y of b) {
      const lo = Math.max(x.lo, y.lo);
      const hi = Math.min(x.hi, y.hi);
      const loIn = x.lo === y.lo ? x.loIn && y.loIn : x.lo > y.lo ? x.loIn : y.loIn;
      const hiIn = x.hi === y.hi ? x.hiIn && y.hiIn : x.hi < y.hi ? x.hiIn : y.hiIn;
      const i = { lo, hi, loIn, hiIn };
      if (!empty(i)) out.push(i);
    }
  }
  return out.sort((p, q) => p.lo - q.lo);
}

export function complement(a: NumberSet): NumberSet {
  const out: NumberSet = [];
  let lo = -Infinity;
  let loIn = false;
  for (const i of [...a].sort((p, q) => p.lo - q.lo)) {
    const gap = { lo, hi: i.lo, loIn, hiIn: !i.loIn };
    if (!empty(gap) && !(gap.lo === -Infinity && gap.hi === -Infinity)) out.push(gap);
    lo = i.hi;
    loIn = !i.hiIn;
  }
  const tail = { lo, hi: Infinity, loIn, hiIn: false };
  if (!empty(tail) && lo !== Infinity) out.push(tail);
  return out;
}

export const isEmpty = (a: NumberSet) => a.length === 0;
