import type { EntityManager } from '@mikro-orm/sql';
import type { DocumentSummary } from '../../domain/document.ts';
import { DocumentRecord } from './document.entity.ts';
import { summaryOf } from './issue-documents.ts';

/** An order's documents, oldest first, with any credit note for its invoice. */
export async function listOrderDocuments(em: EntityManager, orderId: string): Promise<DocumentSummary[]> {
  return (await em.find(DocumentRecord, { orderId }, { orderBy: { issuedAt: 'asc', id: 'asc' } })).map(summaryOf);
}

export async function findDocument(em: EntityManager, id: string): Promise<(DocumentSummary & { lines: DocumentRecord['lines']; total: number }) | null> {
  const row = await em.findOne(DocumentRecord, { id });
  return row ? { ...summaryOf(row), lines: row.lines, total: row.total } : null;
}

/** A document's stored bytes, exactly as issued. */
export async function documentPdf(em: EntityManager, id: string): Promise<{ summary: DocumentSummary; pdf: Buffer } | null> {
  const row = await em.findOne(DocumentRecord, { id }, { populate: ['pdf'] });
  return row ? { summary: summaryOf(row), pdf: Buffer.from(row.pdf) } : null;
}
