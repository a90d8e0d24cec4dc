import type { EntityManager } from '@mikro-orm/sql';
import { AuditEntryRecord } from './audit-entry.entity.ts';

export interface NewAuditEntry {
  dedupeKey: string;
  subjectType: 'order' | 'decision' | 'user' | 'token' | 'ruleset' | 'work_area';
  subjectId: string;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  actor: string;
  reason?: string | null;
  data?: Record<string, unknown> | null;
  at?: Date;
}

/** Whether an entry with this key is already in the log (a retried write finds its first attempt). */
export async function isRecorded(em: EntityManager, dedupeKey: string): Promise<boolean> {
  return (await em.count(AuditEntryRecord, { dedupeKey })) > 0;
}

export function appendAudit(em: EntityManager, entry: NewAuditEntry): void {
  em.create(AuditEntryRecord, {
    dedupeKey: entry.dedupeKey,
    at: entry.at ?? new Date(),
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    action: entry.action,
    fromState: entry.fromState ?? null,
    toState: entry.toState ?? null,
    actor: entry.actor,
    reason: entry.reason ?? null,
    data: entry.data ?? null,
  });
}
