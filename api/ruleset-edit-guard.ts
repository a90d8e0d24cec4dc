import type { EntityManager } from '@mikro-orm/sql';
import type { DecisionPointId } from '../domain/decision-points.ts';
import { editingModeFor } from '../domain/ruleset-locks.ts';
import type { RulesetDefinition } from '../domain/ruleset.ts';
import { checkEdit, describeRefusal } from '../rules/edit-check.ts';
import { findPublishedRuleset, findVersion } from '../store/rulesets.ts';
import { readLocks } from '../store/ruleset-locks.ts';
import type { Principal } from './auth/principal.ts';
import { UserError } from './errors.ts';
import { errorBody } from './schemas.ts';

/**
 * Refuses what the ruleset's locks do not let this caller change: a change of shape with a 403 naming what
 * they may and may not change, a value outside its bounds with a 422 naming the bounds. The edit is measured
 * from the draft being edited (`draft`) or from the version in force (`published`: what publishing changes).
 */
export async function guardRulesetEdit(em: EntityManager, principal: Principal, dp: DecisionPointId, after: RulesetDefinition, from: 'draft' | 'published'): Promise<void> {
  const locks = await readLocks(em, dp);
  const mode = editingModeFor(principal.roles, locks);
  if (mode === 'none') {
    throw new UserError(403, 'forbidden', `Editing the ${dp} rules needs the ops manager role, or a role an admin granted value-only editing of them; ${principal.name} has neither.`);
  }
  const before = (from === 'draft' ? await findVersion(em, dp, 'draft') : null) ?? (await findPublishedRuleset(em, dp));
  if (!before) {
    if (mode === 'full' && !locks.structureLocked) return;
    throw new UserError(403, 'values_only', `The ${dp} rules have no version in force to change values of; only an ops manager can write them while their structure is not locked.`);
  }
  const check = checkEdit(locks, mode, before.definition, after);
  if (check.refused.length > 0) throw new UserError(403, 'values_only', describeRefusal(check, dp, mode, locks.reason));
  if (check.outOfBounds.length > 0) {
    const issues = check.outOfBounds.map((o) => ({ path: `definition.rules.${after.rules.findIndex((r) => r.name === o.rule)}.${o.path}`, message: describeRefusal({ refused: [], outOfBounds: [o] }, dp, mode, '') }));
    throw new UserError(422, 'out_of_bounds', describeRefusal(check, dp, mode, locks.reason), issues);
  }
}

export const EDIT_REFUSED = { 422: { description: 'A value outside the bounds an admin set (the message names them).', schema: errorBody } } as const;
