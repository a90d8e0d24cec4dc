import type { EntityManager } from '@mikro-orm/core';
import { WORK_AREA_STATUSES, type WorkAreaStatus, type WorkAreaStatusChange } from '../domain/work-area.ts';
import { AuditEntryRecord } from './audit-entry.entity.ts';
import { UserRecord } from './user.entity.ts';

const STATUS_ACTIONS = WORK_AREA_STATUSES.map((s) => `status:${s}`);

/** The newest status change in the area's audit trail; null when its status was never changed. */
export async function lastStatusChange(em: EntityManager, workAreaId: string): Promise<WorkAreaStatusChange | null> {
  const entry = await em.findOne(AuditEntryRecord, { subjectType: 'work_area', subjectId: workAreaId, action: { $in: STATUS_ACTIONS } }, { orderBy: { seq: 'desc' } });
  if (!entry) return null;
  const person = await em.findOne(UserRecord, { username: entry.actor }, { fields: ['displayName'] });
  return { status: entry.action.slice('status:'.length) as WorkAreaStatus, actor: entry.actor, actorDisplayName: person?.displayName ?? null, reason: entry.reason ?? null, at: entry.at.toISOString() };
}
