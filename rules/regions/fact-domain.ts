import type { FactSpec } from '../../domain/decision-points.ts';
import { instantOf } from '../date-instant.ts';
import { above, ALL_NUMBERS, below, complement, intersect, isEmpty, point, type NumberSet } from './number-set.ts';

/**
 * The values one fact may take in some region of the fact space, including "missing". Finite facts
 * (enum, boolean) list their values; numbers are interval sets, and so are dates, as instants; free strings
 * are "these" or "all but these".
 */
export type Domain =
  | { kind: 'number'; set: NumberSet; missing: boolean }
  | { kind: 'finite'; values: ReadonlySet<string>; missing: boolean }
  | { kind: 'strings'; mode: 'in' | 'notIn'; values: ReadonlySet<string>; missing: boolean };

export function fullDomain(spec: FactSpec): Domain | null {
  if (spec.type === 'number' || spec.type === 'date') return { kind: 'number', set: ALL_NUMBERS, missing: true };
  if (spec.type === 'enum') return { kind: 'finite', values: new Set(spec.values), missing: true };
  if (spec.type === 'boolean') return { kind: 'finite', values: new Set(['true', 'false']), missing: true };
  if (spec.type === 'string') return { kind: 'strings', mode: 'notIn', values: new Set(), missing: true };
  return null;
}

/** The values that make `fact operator value` hold; null when this analysis cannot tell. */
export function literalDomain(spec: FactSpec, operator: string, value: unknown): Domain | null {
  const full = fullDomain(spec);
  if (!full) return null;
  const values = Array.isArray(value) ? value : [value];
  if (spec.type === 'date') {
    const instant = instantOf(value);
    if (instant === null) return null;
    const sets: Record<string, () => NumberSet> = { before: () => below(instant, false), after: () => above(instant, false) };
    const make = sets[operator];
    return make ? { kind: 'number', set: make(), missing: false } : null;
  }
  if (full.kind === 'number') {
    const numbers = values.filter((v): v is number => typeof v === 'number');
    if (numbers.length !== values.length) return null;
    const [v] = numbers as [number];
    const sets: Record<string, () => NumberSet> = {
      equal: () => point(v),
      notEqual: () => complement(point(v)),
      lessThan: () => below(v, false),
      lessThanInclusive: () => below(v, true),
      greaterThan: () => above(v, false),
      greaterThanInclusive: () => above(v, true),
      in: () => numbers.flatMap(point),
      notIn: () => complement(numbers.flatMap(point)),
    };
    const make = sets[operator];
    return make ? { kind: 'number', set: make(), missing: false } : null;
  }
  const keys = new Set(values.map(String));
  const positive = operator === 'equal' || operator === 'in';
  if (!positive && operator !== 'notEqual' && operator !== 'notIn') return null;
  if (full.kind === 'finite') return { kind: 'finite', values: new Set([...full.values].filter((x) => keys.has(x) === positive)), missing: false };
  return { kind: 'strings', mode: positive ? 'in' : 'notIn', values: keys, missing: false };
}

export function negate(d: Domain, spec: FactSpec): Domain {
  if (d.kind === 'number') return { kind: 'number', set: complement(d.set), missing: !d.missing };
  if (d.kind === 'finite') {
    const all = fullDomain(spec) as Extract<Domain, { kind: 'finite' }>;
    return { kind: 'finite', values: new Set([...all.values].filter((v) => !d.values.has(v))), missing: !d.missing };
  }
  return { kind: 'strings', mode: d.mode === 'in' ? 'notIn' : 'in', values: d.values, missing: !d.missing };
}

export function meet(a: Domain, b: Domain): Domain {
  const missing = a.missing && b.missing;
  if (a.kind === 'number' && b.kind === 'number') return { kind: 'number', set: intersect(a.set, b.set), missing };
  if (a.kind === 'finite' && b.kind === 'finite') return { kind: 'finite', values: new Set([...a.values].filter((v) => b.values.has(v))), missing };
  if (a.kind === 'strings' && b.kind === 'strings') {
    if (a.mode === 'in' && b.mode === 'in') return { kind: 'strings', mode: 'in', values: new Set([...a.values].filter((v) => b.values.has(v))), missing };
    if (a.mode === 'notIn' && b.mode === 'notIn') return { kind: 'strings', mode: 'notIn', values: new Set([...a.values, ...b.values]), missing };
    const [inSet, outSet] = a.mode === 'in' ? [a.values, b.values] : [b.values, a.values];
    return { kind: 'strings', mode: 'in', values: new Set([...inSet].filter((v) => !outSet.has(v))), missing };
  }
  return a;
}

export function domainIsEmpty(d: Domain): boolean {
  if (d.missing) return false;
  if (d.kind === 'number') return isEmpty(d.set);
  if (d.kind === 'finite') return d.values.size === 0;
  return d.mode === 'in' && d.values.size === 0;
}
