import type { EntityManager } from '@mikro-orm/sql';
import type { BulkPrint } from '../../domain/bulk-print.ts';
import type { OrderDocumentKind } from '../../domain/document.ts';
import { insertAuditOnce } from '../audit-log.ts';
import { DocumentRecord } from '../documents/document.entity.ts';
import { issueKeyOf } from '../documents/issue-documents.ts';
import { inTransaction } from '../in-transaction.ts';
import { BulkJobItemRecord } from './bulk-job-item.entity.ts';
import { BulkPrintRecord } from './bulk-print.entity.ts';

// Documents read at a time: their PDFs are loaded whole.
const READ = 100;

/** The stored PDF of each order the job printed (its item done), in the job's order. */
export async function* printedPdfs(em: EntityManager, jobId: string, kind: OrderDocumentKind): AsyncGenerator<Buffer> {
  let after = -1;
  for (;;) {
    const fork = em.fork();
    const items = await fork.find(BulkJobItemRecord, { jobId, outcome: 'done', position: { $gt: after } }, { orderBy: { position: 'asc' }, limit: READ });
    if (items.length === 0) return;
    const keys = items.map((i) => issueKeyOf(i.orderId, kind));
    const documents = new Map((await fork.find(DocumentRecord, { issueKey: { $in: keys } }, { populate: ['pdf'] })).map((d) => [d.issueKey, d]));
    for (const key of keys) {
      const document = documents.get(key);
      if (document) yield Buffer.from(document.pdf);
    }
    after = items[items.length - 1]!.position;
  }
}

export interface NewBulkPrint {
  jobId: string;
  kind: OrderDocumentKind;
  documents: number;
  pages: number;
  sha256: string | null;
  pdf: Buffer | null;
  problem: string | null;
  at: Date;
}

/** Keeps the job's merged PDF, and audits it, once: a retried merge finds the first one kept. */
export async function saveBulkPrint(em: EntityManager, print: NewBulkPrint): Promise<void> {
  await inTransaction(em, async (tx) => {
    if (await tx.count(BulkPrintRecord, { jobId: print.jobId })) return;
    tx.create(BulkPrintRecord, { jobId: print.jobId, kind: print.kind, documents: print.documents, pages: print.pages, sha256: print.sha256, size: print.pdf?.length ?? 0, pdf: print.pdf, problem: print.problem, createdAt: print.at });
    await tx.flush();
    await insertAuditOnce(tx, {
      dedupeKey: `bulk_job:${print.jobId}:printed`,
      subjectType: 'bulk_job',
      subjectId: print.jobId,
      action: 'bulk_job_printed',
      actor: 'system',
      at: print.at,
      reason: print.problem,
      data: { kind: print.kind, documents: print.documents, pages: print.pages, sha256: print.sha256, size: print.pdf?.length ?? 0 },
    });
  });
}

const summaryOf = (row: BulkPrintRecord): BulkPrint => ({
  kind: row.kind,
  documents: row.documents,
  pages: row.pages,
  sha256: row.sha256 ?? null,
  size: row.size,
  problem: row.problem ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** The merged PDFs' summaries of these jobs, by job. */
export async function bulkPrintsOf(em: EntityManager, jobIds: readonly string[]): Promise<Map<string, BulkPrint>> {
  if (jobIds.length === 0) return new Map();
  const rows = await em.fork().find(BulkPrintRecord, { jobId: { $in: [...jobIds] } });
  return new Map(rows.map((r) => [r.jobId, summaryOf(r)]));
}

/** The job's merged PDF, exactly as kept; null when there is none. */
export async function bulkPrintPdf(em: EntityManager, jobId: string): Promise<{ summary: BulkPrint; pdf: Buffer } | null> {
  const row = await em.fork().findOne(BulkPrintRecord, { jobId }, { populate: ['pdf'] });
  return row?.pdf ? { summary: summaryOf(row), pdf: Buffer.from(row.pdf) } : null;
}
