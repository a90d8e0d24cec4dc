import { isRuleLocked, type EditingMode, type RulesetLocks, type ValueBound } from '../../../../domain/ruleset-locks.ts';
import { boundFor, describeBound, type EditCheck } from '../../../../rules/edit-check.ts';
import { clause } from '../../format/sentences.ts';
import type { CompiledGraph } from '../../graph/compile-graph.ts';
import { lockedNote } from './lock-marks.ts';

/** A value cell's bound, and what is wrong with its value when it is outside it. */
export interface ValueLimit {
  bound: ValueBound;
  problem: string | null;
}

/** What the decision table lets this editor change: the same locks and bounds the inspector and the API hold them to. */
export interface TableLimits {
  /** Why no rule may be added, when the whole structure stays for this editor. */
  rowsLocked: string | null;
  /** A rule's node → why its shape (name, priority, facts, operators, outcome, its row) stays. */
  lockedRows: ReadonlyMap<string, string>;
  /** By `valueKey`: the bounded values. */
  values: ReadonlyMap<string, ValueLimit>;
}

export const NO_TABLE_LIMITS: TableLimits = { rowsLocked: null, lockedRows: new Map(), values: new Map() };

/** A condition's value is its node; an outcome's parameter is the outcome's node and the parameter's name. */
export const valueKey = (nodeId: string, param?: string) => (param === undefined ? nodeId : `${nodeId}:${param}`);

/** The node that holds a value of rule `i` (`conditions.all.0.value`, `event.params.minutes`), as a `valueKey`. */
function keyOf(nodeAtPath: ReadonlyMap<string, string>, i: number, path: string): string | undefined {
  const param = /^event\.params\.(.+)$/.exec(path);
  if (param) {
    const outcome = nodeAtPath.get(`rules.${i}.event`);
    return outcome && valueKey(outcome, param[1]);
  }
  return nodeAtPath.get(`rules.${i}.${path.replace(/\.value$/, '')}`);
}

/**
 * The locks as the table applies them, from the compiled graph: which rows keep their shape, each bounded
 * value's bound, and the values `check` (the edit measured against what it started from) finds out of bounds.
 */
export function tableLimits(compiled: Pick<CompiledGraph, 'definition' | 'nodeAtPath'>, locks: RulesetLocks, mode: EditingMode, check: EditCheck | null): TableLimits {
  const { definition, nodeAtPath } = compiled;
  const lockedRows = new Map<string, string>();
  const values = new Map<string, ValueLimit>();
  const index = new Map<string, number>();
  definition.rules.forEach((rule, i) => {
    if (!index.has(rule.name)) index.set(rule.name, i);
    const id = nodeAtPath.get(`rules.${i}`);
    if (id && isRuleLocked(locks, mode, rule.name)) lockedRows.set(id, lockedNote(locks, rule.name));
  });
  for (const b of locks.bounds) {
    const i = index.get(b.rule);
    const key = i === undefined ? undefined : keyOf(nodeAtPath, i, b.path);
    const bound = boundFor(locks, mode, b.rule, b.path);
    if (key && bound) values.set(key, { bound, problem: null });
  }
  for (const o of check?.outOfBounds ?? []) {
    const i = index.get(o.rule);
    const key = i === undefined ? undefined : keyOf(nodeAtPath, i, o.path);
    if (key) values.set(key, { bound: o.bound, problem: `Must be ${describeBound(o.bound)}${typeof o.to === 'number' ? `, not ${o.to}` : ''}.` });
  }
  const whole = mode !== 'full' || locks.structureLocked;
  const why = locks.reason.trim() ? ` (${clause(locks.reason)})` : '';
  return { rowsLocked: whole ? `An admin locked the structure of these rules${why}: no rule or condition is added or removed, only values change, within their bounds.` : null, lockedRows, values };
}
