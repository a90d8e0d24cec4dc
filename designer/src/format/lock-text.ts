import type { RulesetLocks } from '../../../domain/ruleset-locks.ts';
import { describeRoles } from '../../../domain/roles.ts';
import { describeBound } from '../../../rules/edit-check.ts';
import { finish } from './sentences.ts';

/** `event.params.minutes` → `minutes`, `conditions.all.1.value` → `value of condition 2`: where a bounded value sits, in words. */
export function valuePlace(path: string): string {
  const param = /^event\.params\.(.+)$/.exec(path);
  if (param) return param[1]!.replaceAll('_', ' ');
  const steps = path.split('.').filter((s) => /^\d+$/.test(s)).map((s) => Number(s) + 1);
  return steps.length > 0 ? `value of condition ${steps.join('.')}` : 'value of the condition';
}

/** What is locked, in sentences, for everyone who opens the rules; null when nothing is. */
export function describeLocks(locks: RulesetLocks): string | null {
  const parts: string[] = [];
  if (locks.structureLocked) parts.push('The structure of every rule is locked: only values change');
  else if (locks.lockedRules.length > 0) parts.push(`Locked, values only: ${locks.lockedRules.map((r) => `“${r}”`).join(', ')}`);
  if (locks.valueEditors.length > 0) {
    const who = describeRoles(locks.valueEditors);
    parts.push(`${who.charAt(0).toUpperCase()}${who.slice(1)} may change values, within bounds`);
  }
  if (parts.length === 0) return null;
  const why = locks.reason ? ` Why: ${finish(locks.reason)}` : '';
  return `${parts.map(finish).join(' ')}${why}`;
}

export const boundText = (b: { rule: string; path: string; min?: number | undefined; max?: number | undefined }) =>
  `“${b.rule}”, ${valuePlace(b.path)}: ${describeBound({ ...(b.min !== undefined ? { min: b.min } : {}), ...(b.max !== undefined ? { max: b.max } : {}) })}`;
