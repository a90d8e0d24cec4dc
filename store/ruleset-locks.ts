import type { EntityManager } from '@mikro-orm/sql';
import type { DecisionPointId } from '../domain/decision-points.ts';
import { NO_LOCKS, rulesetLocks, type RulesetLocks, type RulesetLocksView } from '../domain/ruleset-locks.ts';
import { appendAudit } from './audit-log.ts';
import { RulesetLockRecord } from './ruleset-lock.entity.ts';

export async function readLocks(em: EntityManager, decisionPoint: DecisionPointId): Promise<RulesetLocksView> {
  const row = await em.findOne(RulesetLockRecord, { decisionPoint });
  if (!row) return { ...NO_LOCKS, updatedBy: null, updatedAt: null };
  // Parsed again so that a row written before a field existed reads with that field's default.
  return { ...rulesetLocks.parse(row.locks), updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() };
}

/** Replaces the locks and audits the change, before and after, in one transaction. */
export async function writeLocks(em: EntityManager, decisionPoint: DecisionPointId, locks: RulesetLocks, actor: string): Promise<void> {
  await em.transactional(async (tx) => {
    const row = await tx.findOne(RulesetLockRecord, { decisionPoint });
    const before = row ? row.locks : NO_LOCKS;
    const updatedAt = new Date();
    if (row) Object.assign(row, { locks, updatedBy: actor, updatedAt });
    else tx.create(RulesetLockRecord, { decisionPoint, locks, updatedBy: actor, updatedAt });
    appendAudit(tx, {
      dedupeKey: `ruleset-locks:${decisionPoint}@${updatedAt.getTime()}:${crypto.randomUUID()}`,
      subjectType: 'ruleset',
      subjectId: decisionPoint,
      action: 'ruleset_locks_changed',
      actor,
      reason: locks.reason || null,
      data: { before, after: locks },
    });
  });
}
