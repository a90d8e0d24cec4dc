import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { RulesetLocks } from '../domain/ruleset-locks.ts';

/** What an admin locked in one decision point's ruleset; no row, nothing locked. */
export const RulesetLockRecord = defineEntity({
  name: 'RulesetLockRecord',
  tableName: 'ruleset_locks',
  properties: {
    decisionPoint: p.string().primary(),
    locks: p.json<RulesetLocks>(),
    updatedBy: p.string(),
    updatedAt: p.datetime(),
  },
});
export type RulesetLockRecord = InferEntity<typeof RulesetLockRecord>;
