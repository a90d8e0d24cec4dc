import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { AuditEntryRecord } from './audit-entry.entity.ts';
import { jsonValue, sqlOn } from './sql.ts';

export interface NewAuditEntry {
  dedupeKey: string;
  subjectType: 'order' | 'decision' | 'user' | 'token' | 'ruleset' | 'work_area' | 'webhook_endpoint' | 'release_group' | 'bulk_job' | 'account' | 'warehouse' | 'document' | 'rma' | 'reconciliation_day' | 'trip' | 'driver' | 'route' | 'route_session' | 'waybill' | 'support_ticket' | 'conversation' | 'zone';
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
  const { rows } = await sql`select 1 from audit_log where dedupe_key = ${dedupeKey}`.execute(sqlOn(em));
  return rows.length > 0;
}

const entryOf = (entry: NewAuditEntry) => ({
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

/** Adds the entry to `em`'s unit of work: it is written when the work is flushed, with the rest. */
export function appendAudit(em: EntityManager, entry: NewAuditEntry): void {
  em.create(AuditEntryRecord, entryOf(entry));
}

const insertSql = (entry: NewAuditEntry) => {
  const e = entryOf(entry);
  return sql`insert into audit_log (dedupe_key, at, subject_type, subject_id, action, from_state, to_state, actor, reason, data)
    values (${e.dedupeKey}, ${e.at}, ${e.subjectType}, ${e.subjectId}, ${e.action}, ${e.fromState}, ${e.toState}, ${e.actor}, ${e.reason}, ${jsonValue(e.data)})`;
};

/** Writes the entry now, in `em`'s transaction: for the writes of the hot path, which skip the unit of work. */
export async function insertAudit(em: EntityManager, entry: NewAuditEntry): Promise<void> {
  await insertSql(entry).execute(sqlOn(em));
}

/**
 * Writes the entry now unless one with its key is in the log: false when it is (a retried write finds its
 * first attempt). One statement where `isRecorded` and `insertAudit` take two; a second attempt running at
 * once waits on the first's key and, once that commits, writes nothing.
 */
export async function insertAuditOnce(em: EntityManager, entry: NewAuditEntry): Promise<boolean> {
  const { rows } = await sql`${insertSql(entry)} on conflict (dedupe_key) do nothing returning dedupe_key`.execute(sqlOn(em));
  return rows.length > 0;
}
