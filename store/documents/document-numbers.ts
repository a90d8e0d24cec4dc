import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { DocumentKind } from '../../domain/document.ts';
import { sqlOn } from '../sql.ts';

const PREFIXES: Partial<Record<DocumentKind, string>> = { invoice: 'INV', credit_note: 'CN' };

/**
 * The series a numbered kind takes its number from: one per kind and calendar year (UTC) of issue,
 * `INV-2026`. A year's series is what tax rules ask of an invoice's number (gapless, in order, restarting
 * no more than yearly) and what an auditor reads; Sluice has no legal entities or sites of its own yet, so a
 * series per site would split one company's numbering. Null for shipping papers, which are not numbered.
 */
export function seriesOf(kind: DocumentKind, issuedAt: Date): string | null {
  const prefix = PREFIXES[kind];
  return prefix ? `${prefix}-${issuedAt.getUTCFullYear()}` : null;
}

export const documentNumber = (series: string, n: number): string => `${series}-${String(n).padStart(6, '0')}`;

/**
 * Takes the series' next number inside `em`'s transaction, which must also store the document: if it
 * rolls back, the number is not taken. The update locks the series' row until the transaction ends
 * (PostgreSQL), or holds SQLite's one writer lock, so a concurrent issue waits and takes the number after.
 */
export async function takeNumber(em: EntityManager, series: string): Promise<number> {
  const db = sqlOn(em);
  await sql`insert into document_series (id, last_number) values (${series}, ${0}) on conflict (id) do nothing`.execute(db);
  const { rows } = await sql<{ last_number: number }>`update document_series set last_number = last_number + 1 where id = ${series} returning last_number`.execute(db);
  return Number(rows[0]!.last_number);
}
