import { z } from 'zod';
import { MAX_RULES } from './ruleset.ts';
import { ROLES, type Role } from './roles.ts';
import { oneLine, paragraph } from './text.ts';

/** Roles an admin may grant value-only editing: not the admin, who sets the locks, nor the ops manager, who edits in full. */
export const VALUE_EDITOR_ROLES = ROLES.filter((r): r is Exclude<Role, 'admin' | 'ops_manager'> => r !== 'admin' && r !== 'ops_manager');
const BOUND_MAX = 1e12;
const boundNumber = z.number().min(-BOUND_MAX).max(BOUND_MAX);

/**
 * The range a limited editor may move one number to. `path` is where the value sits inside its rule, as the
 * validator names it: `conditions.all.0.value`, `event.params.points`.
 */
export const valueBound = z
  .strictObject({
    rule: oneLine(120),
    path: oneLine(200).regex(/^(conditions(\.(all|any|not|\d+))*\.value|event\.params\.[^.]+)$/, 'a condition value (conditions.all.0.value) or an outcome param (event.params.points)'),
    min: boundNumber.optional(),
    max: boundNumber.optional(),
  })
  .refine((b) => b.min === undefined || b.max === undefined || b.min <= b.max, { message: 'min cannot be above max', path: ['max'] });
export type ValueBound = z.infer<typeof valueBound>;

/**
 * What an admin locked in one decision point's ruleset. A locked part keeps its structure: whoever edits it
 * changes values only, within their bounds. A role in `valueEditors` may change values only, anywhere.
 */
export const rulesetLocks = z.strictObject({
  /** Every rule, the hit policy and the rank by keep their shape. */
  structureLocked: z.boolean().default(false),
  /** Rules, by name, that keep their shape when the whole structure is not locked. */
  lockedRules: z.array(oneLine(120)).max(MAX_RULES).default([]),
  valueEditors: z.array(z.enum(VALUE_EDITOR_ROLES)).max(VALUE_EDITOR_ROLES.length).default([]),
  bounds: z.array(valueBound).max(2000).default([]),
  /** Why, for the people who find a part locked. */
  reason: paragraph(500).default(''),
});
export type RulesetLocks = z.infer<typeof rulesetLocks>;

export const NO_LOCKS: RulesetLocks = { structureLocked: false, lockedRules: [], valueEditors: [], bounds: [], reason: '' };

export const rulesetLocksView = rulesetLocks.extend({ updatedBy: z.string().nullable(), updatedAt: z.string().nullable() });
export type RulesetLocksView = z.infer<typeof rulesetLocksView>;

/**
 * How a person may edit a ruleset: `full` (an ops manager: anything not locked), `values` (a granted role:
 * values only, within bounds) or `none`.
 */
export type EditingMode = 'full' | 'values' | 'none';

export function editingModeFor(roles: readonly Role[], locks: RulesetLocks): EditingMode {
  if (roles.includes('ops_manager')) return 'full';
  return roles.some((r) => (locks.valueEditors as readonly Role[]).includes(r)) ? 'values' : 'none';
}

/** Whether a rule keeps its shape for this editor. */
export const isRuleLocked = (locks: RulesetLocks, mode: EditingMode, rule: string) => mode !== 'full' || locks.structureLocked || locks.lockedRules.includes(rule);
