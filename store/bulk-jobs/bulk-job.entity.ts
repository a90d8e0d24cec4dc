import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { BulkRequest } from '../../domain/bulk-job.ts';

/**
 * A bulk job: one action, as its requester asked it, over the orders its selection named when it was made
 * (its items). `status` is what a person last asked (running, paused, cancelling) until the job's workflow
 * finishes it (done, cancelled).
 */
export const BulkJobRecord = defineEntity({
  name: 'BulkJobRecord',
  tableName: 'bulk_jobs',
  indexes: [{ properties: ['requestedBy', 'createdAt'] }, { properties: ['createdAt'] }],
  properties: {
    id: p.string().primary(),
    action: p.string(),
    request: p.json<BulkRequest>(),
    /** The GET /orders query string the orders matched, or null when they were named one by one. */
    filter: p.text().nullable(),
    requestedBy: p.string(),
    requestedRoles: p.json<string[]>(),
    status: p.string(),
    total: p.integer(),
    createdAt: p.datetime(),
    finishedAt: p.datetime().nullable(),
  },
});
export type BulkJobRecord = InferEntity<typeof BulkJobRecord>;
