import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The append-only audit log: every transition and decision, who or what caused it, and why.
 * `seq` orders the log and, after `xactId`, is the cursor of the live event stream; `dedupeKey` makes a
 * retried activity write its entry once. `xactId` is the writing transaction's id on PostgreSQL, where a
 * higher seq can commit before a lower one (`settledRows` in store/dialect.ts); 0 on SQLite, whose writers take turns.
 */
export const AuditEntryRecord = defineEntity({
  name: 'AuditEntryRecord',
  tableName: 'audit_log',
  // (subjectType, xactId, seq): the live events read a subject type's rows after a position, in commit order,
  // from the index itself; without it SQLite scanned every order row of the log and sorted them on each read.
  // (subjectType, at): the trends read a period's order moves, however long the log (with `at` alone, SQLite
  // preferred the subject type's equality and read every order row).
  indexes: [{ properties: ['subjectType', 'subjectId'] }, { properties: ['xactId', 'seq'] }, { properties: ['subjectType', 'xactId', 'seq'] }, { properties: ['subjectType', 'at'] }],
  properties: {
    seq: p.integer().primary().autoincrement(),
    dedupeKey: p.string().unique(),
    at: p.datetime(),
    subjectType: p.string(),
    subjectId: p.string(),
    action: p.string(),
    fromState: p.string().nullable(),
    toState: p.string().nullable(),
    actor: p.string(),
    reason: p.string().nullable(),
    data: p.json<Record<string, unknown>>().nullable(),
    xactId: p.bigint('number').default(0),
  },
});
export type AuditEntryRecord = InferEntity<typeof AuditEntryRecord>;
