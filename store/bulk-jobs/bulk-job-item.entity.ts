import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** One order of a bulk job, in the job's order (`position`), and what became of it. */
export const BulkJobItemRecord = defineEntity({
  name: 'BulkJobItemRecord',
  tableName: 'bulk_job_items',
  // (jobId, outcome, position): a job's counts, its pending items in order, and a page of one outcome.
  indexes: [{ properties: ['jobId', 'outcome', 'position'] }],
  properties: {
    jobId: p.string().primary(),
    position: p.integer().primary(),
    orderId: p.string(),
    outcome: p.string(),
    reason: p.text().nullable(),
    at: p.datetime().nullable(),
  },
});
export type BulkJobItemRecord = InferEntity<typeof BulkJobItemRecord>;
