import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { ReconciliationReport } from '../../domain/reconciliation/reconciliation.ts';

/**
 * A site's day that finance signed off: the report as it was signed (figures, discrepancies) and its hash.
 * While `status` is signed_off the day is locked (day-lock.ts); a reopen keeps the row, its last snapshot and
 * who reopened it and why, and a later sign-off writes over them (the audit log keeps every one).
 */
export const ReconciliationDayRecord = defineEntity({
  name: 'ReconciliationDayRecord',
  tableName: 'reconciliation_days',
  properties: {
    site: p.string().primary(),
    day: p.string().primary(),
    status: p.string().$type<'signed_off' | 'reopened'>(),
    report: p.json<ReconciliationReport>(),
    sha256: p.string(),
    signedOffBy: p.string(),
    signedOffAt: p.datetime(),
    reopenedBy: p.string().nullable(),
    reopenedAt: p.datetime().nullable(),
    reopenReason: p.text().nullable(),
  },
});
export type ReconciliationDayRecord = InferEntity<typeof ReconciliationDayRecord>;
