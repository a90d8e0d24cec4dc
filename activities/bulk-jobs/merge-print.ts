import { createHash } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { PDFDocument } from '@pdfme/pdf-lib';
import { BULK_PRINT_MAX_BYTES, isPrintRequest } from '../../domain/bulk-print.ts';
import { DOCUMENT_KIND_LABELS } from '../../domain/document.ts';
import { findBulkJobRecord } from '../../store/bulk-jobs/bulk-jobs.ts';
import { printedPdfs, saveBulkPrint } from '../../store/bulk-jobs/bulk-prints.ts';
import { BulkPrintRecord } from '../../store/bulk-jobs/bulk-print.entity.ts';
import type { ActivityDeps } from '../activity-deps.ts';

/**
 * A print job's end: the stored PDFs of the orders it printed, in the selection's order, merged into one PDF
 * kept with its hash. Does nothing for other jobs, or when the job's PDF is kept already (a retried attempt).
 */
export function mergeBulkPrintActivity(deps: ActivityDeps) {
  return async ({ jobId }: { jobId: string }): Promise<void> => {
    const job = await findBulkJobRecord(deps.store.em, jobId);
    if (!job || !isPrintRequest(job.request)) return;
    if (await deps.store.em.fork().count(BulkPrintRecord, { jobId })) return;
    const { kind } = job.request;
    const merged = await PDFDocument.create();
    merged.setTitle(`${DOCUMENT_KIND_LABELS[kind]}s of bulk job ${jobId}`);
    merged.setProducer('Sluice');
    merged.setCreator('Sluice');
    let documents = 0;
    for await (const pdf of printedPdfs(deps.store.em, jobId, kind)) {
      const source = await PDFDocument.load(pdf);
      for (const page of await merged.copyPages(source, source.getPageIndices())) merged.addPage(page);
      documents++;
      Context.current().heartbeat();
    }
    const at = deps.clock();
    merged.setCreationDate(at);
    merged.setModificationDate(at);
    const base = { jobId, kind, documents, pages: merged.getPageCount(), at };
    if (documents === 0) return saveBulkPrint(deps.store.em, { ...base, sha256: null, pdf: null, problem: 'No order was printed, so there is no PDF: the result per order says why.' });
    const bytes = Buffer.from(await merged.save());
    if (bytes.length > BULK_PRINT_MAX_BYTES) {
      const problem = `The merged PDF would be ${(bytes.length / 2 ** 20).toFixed(0)} MB, more than the ${BULK_PRINT_MAX_BYTES / 2 ** 20} MB one print job keeps: print the orders in smaller jobs.`;
      return saveBulkPrint(deps.store.em, { ...base, sha256: null, pdf: null, problem });
    }
    await saveBulkPrint(deps.store.em, { ...base, sha256: createHash('sha256').update(bytes).digest('hex'), pdf: bytes, problem: null });
  };
}
