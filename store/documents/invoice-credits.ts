import type { EntityManager } from '@mikro-orm/sql';
import { DocumentRecord } from './document.entity.ts';
import { issueKeyOf } from './issue-documents.ts';

/**
 * An invoice is credited either in full (finance's credit note, keyed by the invoice) or in parts (one
 * credit note per customer return, keyed by the return), never both: each would credit the goods the other
 * already did. What the two paths check before asking for a credit note.
 */
export async function invoiceCredits(em: EntityManager, invoiceId: string): Promise<{ full: CreditNoteRef | null; parts: CreditNoteRef[] }> {
  const fullKey = issueKeyOf(invoiceId, 'credit_note');
  const rows = await em.find(DocumentRecord, { kind: 'credit_note', correctsId: invoiceId }, { fields: ['id', 'issueKey', 'number'], orderBy: { issuedAt: 'asc' } });
  const notes = rows.map((row) => ({ id: row.id, issueKey: row.issueKey, number: row.number ?? null }));
  return { full: notes.find((note) => note.issueKey === fullKey) ?? null, parts: notes.filter((note) => note.issueKey !== fullKey) };
}

interface CreditNoteRef {
  id: string;
  issueKey: string;
  number: string | null;
}

export const documentName = (doc: { id: string; number?: string | null }): string => doc.number ?? doc.id;
