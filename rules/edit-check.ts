import { isRuleLocked, type EditingMode, type RulesetLocks, type ValueBound } from '../domain/ruleset-locks.ts';
import type { RulesetDefinition } from '../domain/ruleset.ts';
import { classifyEdit, type StructuralChange, type ValueChange } from './edit-scope.ts';

export interface OutOfBounds extends ValueChange {
  bound: ValueBound;
}
export interface EditCheck {
  /** Changes of shape this editor may not make. */
  refused: StructuralChange[];
  outOfBounds: OutOfBounds[];
}

export const VALUES_ONLY =
  'you may change values only (condition values, points, deadlines and other outcome params), within their bounds; not structure (rules, conditions, facts, operators, outcome types, a rule’s priority, the hit policy, the rank by)';

/**
 * What of an edit the locks refuse for this editor. A value editor may change no shape at all; an ops
 * manager may not change the shape of a locked part. Bounds hold wherever the editor is held to values, and
 * only for values that changed, so that a value already outside its bounds does not block other edits.
 */
export function checkEdit(locks: RulesetLocks, mode: EditingMode, before: RulesetDefinition, after: RulesetDefinition): EditCheck {
  const scope = classifyEdit(before, after);
  const wholeLocked = mode !== 'full' || locks.structureLocked;
  const refused = scope.structural.filter((c) => wholeLocked || (c.rule !== null && locks.lockedRules.includes(c.rule)));
  const outOfBounds: OutOfBounds[] = [];
  for (const v of scope.values) {
    const bound = boundFor(locks, mode, v.rule, v.path);
    if (bound && !withinBound(bound, v.to)) outOfBounds.push({ ...v, bound });
  }
  return { refused, outOfBounds };
}

/** The bound that holds this editor to a value of a rule (`event.params.minutes`), if any: only where the rule keeps its shape for them. */
export function boundFor(locks: RulesetLocks, mode: EditingMode, rule: string, path: string): ValueBound | undefined {
  if (!isRuleLocked(locks, mode, rule)) return undefined;
  return locks.bounds.find((b) => b.rule === rule && b.path === path);
}

export const withinBound = (bound: Pick<ValueBound, 'min' | 'max'>, value: unknown): boolean =>
  typeof value === 'number' && (bound.min === undefined || value >= bound.min) && (bound.max === undefined || value <= bound.max);

export function describeBound(b: Pick<ValueBound, 'min' | 'max'>): string {
  if (b.min !== undefined && b.max !== undefined) return `between ${b.min} and ${b.max}`;
  if (b.min !== undefined) return `at least ${b.min}`;
  return b.max !== undefined ? `at most ${b.max}` : 'any number';
}

const where = (c: StructuralChange) => (c.rule === null ? c.what : `rule “${c.rule}”: ${c.what}`);

/** The refusal a person can act on: what they may change, and what of their edit they may not. */
export function describeRefusal(check: EditCheck, decisionPoint: string, mode: EditingMode, reason: string): string {
  const why = reason ? ` (locked because: ${reason.replace(/[.\s]+$/, '')})` : '';
  if (check.refused.length > 0) {
    const scope = mode === 'full' ? `In the locked parts of the ${decisionPoint} rules${why}` : `In the ${decisionPoint} rules${why}`;
    return `${scope} ${VALUES_ONLY}. Not allowed: ${check.refused.map(where).join('; ')}.`;
  }
  const values = check.outOfBounds.map((o) => `rule “${o.rule}”, ${o.path} must be ${describeBound(o.bound)}, not ${JSON.stringify(o.to)}`);
  return `A value is outside the bounds an admin set for the ${decisionPoint} rules: ${values.join('; ')}.`;
}
