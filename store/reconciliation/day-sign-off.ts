import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { DayStatus, ReconciliationReport, SiteDay } from '../../domain/reconciliation/reconciliation.ts';
import { insertAudit } from '../audit-log.ts';
import { inTransaction } from '../in-transaction.ts';
import { dateOf, jsonOf, jsonValue, sqlOn, type DateColumn, type JsonColumn } from '../sql.ts';

/** JSON with every object's keys sorted: PostgreSQL's jsonb gives a snapshot back in an order of its own. */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : value !== null && typeof value === 'object'
      ? `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(value);

/** The SHA-256 of a report's canonical JSON: the snapshot read back hashes to the same, on either store. */
export const reportHash = (report: ReconciliationReport): string => createHash('sha256').update(canonical(report)).digest('hex');

const subjectId = ({ site, day }: SiteDay) => `${site}/${day}`;

/**
 * Signs the day off with its report as the snapshot, and audits it, in one transaction: 'signed_off', or
 * 'already' when it is signed off. One statement decides: of two sign-offs at once, the second finds the
 * first's row signed off (PostgreSQL re-reads the row it waited on) and writes nothing.
 */
export async function signOffDay(em: EntityManager, at: SiteDay, report: ReconciliationReport, actor: string, now: Date): Promise<{ outcome: 'signed_off'; sha256: string } | { outcome: 'already' }> {
  const sha256 = reportHash(report);
  return inTransaction(em, async (tx) => {
    const { rows } = await sql`insert into reconciliation_days (site, day, status, report, sha256, signed_off_by, signed_off_at, reopened_by, reopened_at, reopen_reason)
        values (${at.site}, ${at.day}, ${'signed_off'}, ${jsonValue(report)}, ${sha256}, ${actor}, ${now}, ${null}, ${null}, ${null})
      on conflict (site, day) do update set status = excluded.status, report = excluded.report, sha256 = excluded.sha256,
        signed_off_by = excluded.signed_off_by, signed_off_at = excluded.signed_off_at
      where reconciliation_days.status <> ${'signed_off'}
      returning site`.execute(sqlOn(tx));
    if (rows.length === 0) return { outcome: 'already' as const };
    await insertAudit(tx, {
      dedupeKey: `reconciliation:${randomUUID()}`,
      subjectType: 'reconciliation_day',
      subjectId: subjectId(at),
      action: 'day_signed_off',
      fromState: null,
      toState: 'signed_off',
      actor,
      data: { sha256, figures: report.figures, discrepancyTotal: report.discrepancyTotal },
      at: now,
    });
    return { outcome: 'signed_off' as const, sha256 };
  });
}

/** Reopens a signed-off day with the reason, audited in the same transaction: 'reopened', or 'not_signed_off'. */
export async function reopenDay(em: EntityManager, at: SiteDay, reason: string, actor: string, now: Date): Promise<'reopened' | 'not_signed_off'> {
  return inTransaction(em, async (tx) => {
    const { rows } = await sql`update reconciliation_days set status = ${'reopened'}, reopened_by = ${actor}, reopened_at = ${now}, reopen_reason = ${reason}
      where site = ${at.site} and day = ${at.day} and status = ${'signed_off'} returning sha256`.execute(sqlOn(tx));
    if (rows.length === 0) return 'not_signed_off';
    await insertAudit(tx, { dedupeKey: `reconciliation:${randomUUID()}`, subjectType: 'reconciliation_day', subjectId: subjectId(at), action: 'day_reopened', fromState: 'signed_off', toState: 'reopened', actor, reason, at: now });
    return 'reopened';
  });
}

/** The day's status and, when signed off, the snapshot taken then. */
export async function readDayStatus(em: EntityManager, at: SiteDay): Promise<{ status: DayStatus; snapshot: ReconciliationReport | null }> {
  const { rows } = await sql<{
    status: 'signed_off' | 'reopened';
    report: JsonColumn<ReconciliationReport>;
    sha256: string;
    signed_off_by: string;
    signed_off_at: DateColumn;
    reopened_by: string | null;
    reopened_at: DateColumn | null;
    reopen_reason: string | null;
  }>`select status, report, sha256, signed_off_by, signed_off_at, reopened_by, reopened_at, reopen_reason from reconciliation_days where site = ${at.site} and day = ${at.day}`.execute(sqlOn(em));
  const row = rows[0];
  if (!row) return { status: { status: 'open', signOff: null, reopened: null }, snapshot: null };
  const signOff = { signedOffBy: row.signed_off_by, signedOffAt: dateOf(row.signed_off_at).toISOString(), sha256: row.sha256 };
  const reopened = row.reopened_by && row.reopened_at ? { by: row.reopened_by, at: dateOf(row.reopened_at).toISOString(), reason: row.reopen_reason ?? '' } : null;
  if (row.status === 'signed_off') return { status: { status: 'signed_off', signOff, reopened }, snapshot: jsonOf(row.report) };
  return { status: { status: 'reopened', signOff, reopened }, snapshot: null };
}
