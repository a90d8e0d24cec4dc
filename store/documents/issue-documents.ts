import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/sql';
import { DOCUMENT_MAX_BYTES, type DocumentKind, type DocumentSummary } from '../../domain/document.ts';
import { postToAccount } from '../accounts/post-to-account.ts';
import { insertAuditOnce } from '../audit-log.ts';
import { inTransaction } from '../in-transaction.ts';
import { DocumentRecord } from './document.entity.ts';
import { documentNumber, seriesOf, takeNumber } from './document-numbers.ts';

type Line = { sku: string; qty: number; price: number };

export interface DocumentRequest {
  /** What is asked for, once: `<order>:<kind>`, `<invoice>:credit_note`. */
  issueKey: string;
  orderId: string;
  /** The order's account: an invoice or credit note posts its total to it, when the account is on file. */
  accountCode: string;
  kind: DocumentKind;
  correctsId?: string;
  reason?: string;
  lines: Line[];
  total: number;
  issuedBy: string;
  issuedAt: Date;
  templateVersion: number;
  /** Renders the PDF once the number is known (null for shipping papers). */
  render(number: string | null): Promise<Buffer>;
}

/** A rendered PDF larger than the store keeps: nothing is stored and no number taken. */
export class DocumentTooLarge extends Error {}

export const issueKeyOf = (orderId: string, kind: DocumentKind): string => `${orderId}:${kind}`;

export const summaryOf = (row: DocumentRecord): DocumentSummary => ({
  id: row.id,
  orderId: row.orderId,
  kind: row.kind,
  number: row.number ?? null,
  correctsId: row.correctsId ?? null,
  reason: row.reason ?? null,
  templateVersion: row.templateVersion,
  sha256: row.sha256,
  size: row.size,
  issuedAt: row.issuedAt.toISOString(),
  issuedBy: row.issuedBy,
});

/**
 * Issues a document once: the one stored under its key if there is one; else, in one transaction, its
 * number (invoices and credit notes), the PDF rendered with that number, and the row. A failure anywhere
 * rolls the number back with the row, so numbers have no gaps; the issue key and (series, number) are
 * unique, so no retry or race stores a second document or a number twice.
 */
export async function issueDocument(em: EntityManager, request: DocumentRequest): Promise<DocumentSummary> {
  try {
    return await inTransaction(em, async (tx) => {
      const series = seriesOf(request.kind, request.issuedAt);
      // Taking the number first makes the transaction a writer from its first statement: SQLite then
      // never refuses it a write for a snapshot read before another issue committed.
      const seriesNumber = series ? await takeNumber(tx, series) : null;
      const issued = await tx.findOne(DocumentRecord, { issueKey: request.issueKey });
      if (issued) {
        // The number taken above is given back with the rollback: an issue that stores nothing takes nothing.
        throw new AlreadyIssued(summaryOf(issued));
      }
      const number = series && seriesNumber !== null ? documentNumber(series, seriesNumber) : null;
      const pdf = await request.render(number);
      if (pdf.length > DOCUMENT_MAX_BYTES) throw new DocumentTooLarge(`The ${request.kind.replaceAll('_', ' ')} would be ${pdf.length} bytes, more than the ${DOCUMENT_MAX_BYTES} a document may be.`);
      const row = tx.create(DocumentRecord, {
        id: crypto.randomUUID(),
        orderId: request.orderId,
        kind: request.kind,
        issueKey: request.issueKey,
        series,
        seriesNumber,
        number,
        correctsId: request.correctsId ?? null,
        reason: request.reason ?? null,
        lines: request.lines,
        total: request.total,
        templateVersion: request.templateVersion,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        size: pdf.length,
        pdf,
        issuedAt: request.issuedAt,
        issuedBy: request.issuedBy,
      });
      await tx.flush();
      await insertAuditOnce(tx, {
        dedupeKey: `document:${row.id}:issued`,
        subjectType: 'document',
        subjectId: row.id,
        action: `${request.kind}_issued`,
        actor: request.issuedBy,
        at: request.issuedAt,
        reason: request.reason ?? null,
        data: { orderId: request.orderId, kind: request.kind, number, correctsId: request.correctsId ?? null, templateVersion: request.templateVersion, sha256: row.sha256, size: row.size },
      });
      // Money owed moves with the document, in its transaction: the account's exposure never counts an
      // invoice that was not stored, nor misses one that was.
      if (number && (request.kind === 'invoice' || request.kind === 'credit_note')) {
        await postToAccount(tx, { accountCode: request.accountCode, kind: request.kind, amount: request.total, reference: number, key: `${request.kind}:${number}`, postedBy: request.issuedBy, at: request.issuedAt });
      }
      return summaryOf(row);
    });
  } catch (err) {
    if (err instanceof AlreadyIssued) return err.summary;
    // Another process stored the same key between our read and our write: its document is the one.
    if (err instanceof UniqueConstraintViolationException) {
      const issued = await em.fork().findOne(DocumentRecord, { issueKey: request.issueKey });
      if (issued) return summaryOf(issued);
    }
    throw err;
  }
}

class AlreadyIssued extends Error {
  readonly summary: DocumentSummary;
  constructor(summary: DocumentSummary) {
    super('already issued');
    this.summary = summary;
  }
}
