import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { OrderDocumentKind } from '../../domain/document.ts';

/**
 * A print job's merged PDF: the documents of the orders it printed, in the selection's order, made once
 * when the job ends and never changed. No PDF (and a `problem`) when nothing printed or it was too large to keep.
 */
export const BulkPrintRecord = defineEntity({
  name: 'BulkPrintRecord',
  tableName: 'bulk_job_prints',
  properties: {
    jobId: p.string().primary(),
    kind: p.string().$type<OrderDocumentKind>(),
    documents: p.integer(),
    pages: p.integer(),
    sha256: p.string().nullable(),
    size: p.integer(),
    pdf: p.blob().lazy().nullable(),
    problem: p.text().nullable(),
    createdAt: p.datetime(),
  },
});
export type BulkPrintRecord = InferEntity<typeof BulkPrintRecord>;
