import type { FactSpec } from '../../domain/decision-points.ts';
import type { RuleCondition } from '../../domain/ruleset.ts';
import { domainIsEmpty, literalDomain, meet, negate, type Domain } from './fact-domain.ts';

/** A conjunction of per-fact domains; a fact it does not mention may take any value, or be missing. */
export type Box = ReadonlyMap<string, Domain>;

/**
 * The part of the fact space where a condition holds, as a union of boxes. `exact` is false when some
 * condition could not be analysed (a comparison between two facts, list operators): those count as
 * "anything", so the region is then larger than the truth — still sound for "can never hold".
 */
export interface Region {
  boxes: Box[];
  exact: boolean;
}

const MAX_BOXES = 256;
const ANYTHING: Region = { boxes: [new Map()], exact: false };

function meetBoxes(a: Box, b: Box): Box | null {
  const out = new Map(a);
  for (const [fact, d] of b) {
    const merged = out.has(fact) ? meet(out.get(fact)!, d) : d;
    if (domainIsEmpty(merged)) return null;
    out.set(fact, merged);
  }
  return out;
}

export function intersectRegions(a: Region, b: Region): Region {
  const boxes: Box[] = [];
  for (const x of a.boxes) {
    for (const y of b.boxes) {
      const m = meetBoxes(x, y);
      if (m) boxes.push(m);
      if (boxes.length > MAX_BOXES) return ANYTHING;
    }
  }
  return { boxes, exact: a.exact && b.exact };
}

/** Everything outside the region; only meaningful for an exact region. */
export function complementRegion(region: Region, catalogue: ReadonlyMap<string, FactSpec>): Region {
  let result: Region = { boxes: [new Map()], exact: region.exact };
  for (const box of region.boxes) {
    const outside: Box[] = [...box].map(([fact, d]) => new Map([[fact, negate(d, catalogue.get(fact)!)]]));
    result = intersectRegions(result, { boxes: outside, exact: region.exact });
    if (result.boxes.length === 0) break;
  }
  return result;
}

export function regionOf(condition: RuleCondition, catalogue: ReadonlyMap<string, FactSpec>): Region {
  if ('all' in condition) {
    return condition.all.reduce<Region>((acc, c) => intersectRegions(acc, regionOf(c, catalogue)), { boxes: [new Map()], exact: true });
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => regionOf(c, catalogue));
    const boxes = parts.flatMap((p) => p.boxes);
    return boxes.length > MAX_BOXES ? ANYTHING : { boxes, exact: parts.every((p) => p.exact) };
  }
  if ('not' in condition) {
    const inner = regionOf(condition.not, catalogue);
    return inner.exact ? complementRegion(inner, catalogue) : ANYTHING;
  }
  const spec = catalogue.get(condition.fact);
  const domain = spec ? literalDomain(spec, condition.operator, condition.value) : null;
  return domain ? { boxes: domainIsEmpty(domain) ? [] : [new Map([[condition.fact, domain]])], exact: true } : ANYTHING;
}

export const isEmptyRegion = (r: Region) => r.boxes.length === 0;
