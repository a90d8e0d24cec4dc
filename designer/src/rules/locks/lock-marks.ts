import { isRuleLocked, type EditingMode, type RulesetLocks } from '../../../../domain/ruleset-locks.ts';
import type { RulesetDefinition } from '../../../../domain/ruleset.ts';
import { boundText } from '../../format/lock-text.ts';
import { clause } from '../../format/sentences.ts';

/** Why a rule keeps its shape, as the inspector and the table say it. */
export function lockedNote(locks: RulesetLocks, rule: string): string {
  const why = locks.reason.trim() ? ` (${clause(locks.reason)})` : '';
  return `An admin locked the structure of “${rule}”${why}: only its values change.`;
}

/**
 * Every node of a rule that keeps its shape for this editor, and why: its fields of structure stay, it is not
 * removed and nothing is linked to it or cut from it. A node shared with another rule keeps the first reason.
 * `nodeAtPath` maps JSON paths (`rules.0.event`) to the canvas's nodes.
 */
export function lockedNodes(definition: RulesetDefinition, nodeAtPath: ReadonlyMap<string, string>, locks: RulesetLocks, mode: EditingMode): Map<string, string> {
  const locked = new Map<string, string>();
  definition.rules.forEach((rule, i) => {
    if (!isRuleLocked(locks, mode, rule.name)) return;
    for (const id of nodesOf(nodeAtPath, i).map(([, id]) => id)) if (!locked.has(id)) locked.set(id, lockedNote(locks, rule.name));
  });
  return locked;
}

/** Why an edit that removes, links or cuts these nodes is refused, when one of them keeps its shape. */
export function touchesLocked(locked: ReadonlyMap<string, string>, nodeIds: readonly string[]): string | null {
  for (const id of nodeIds) {
    const why = locked.get(id);
    if (why !== undefined) return why;
  }
  return null;
}

const nodesOf = (nodeAtPath: ReadonlyMap<string, string>, i: number) => [...nodeAtPath].filter(([path]) => path === `rules.${i}` || path.startsWith(`rules.${i}.`));

/** What the inspector says of each node of a locked rule: that its structure is locked and why, and the bounds of the values it holds. */
export function lockMarks(definition: RulesetDefinition, nodeAtPath: ReadonlyMap<string, string>, locks: RulesetLocks, mode: EditingMode): Map<string, string[]> {
  const marks = new Map<string, string[]>();
  const mark = (id: string | undefined, note: string) => id !== undefined && marks.set(id, [...(marks.get(id) ?? []), note]);
  definition.rules.forEach((rule, i) => {
    const prefix = `rules.${i}`;
    const nodes = nodesOf(nodeAtPath, i);
    if (isRuleLocked(locks, mode, rule.name)) for (const id of new Set(nodes.map(([, id]) => id))) mark(id, lockedNote(locks, rule.name));
    for (const b of locks.bounds.filter((x) => x.rule === rule.name)) {
      // The node that holds the value: the longest path that leads to it (a condition, or the outcome).
      const [, id] = nodes.filter(([path]) => `${prefix}.${b.path}`.startsWith(`${path}.`)).sort((a, z) => z[0].length - a[0].length)[0] ?? [];
      mark(id, `Bound: ${boundText(b)}.`);
    }
  });
  return marks;
}
