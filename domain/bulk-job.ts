import { z } from 'zod';
import { bulkPrint, printDocumentsRequest } from './bulk-print.ts';
import { orderActionRequest, type OrderActionName } from './order.ts';
import { ID_MAX, oneLine } from './text.ts';

/** The most orders one bulk job acts on: a filter matching more is refused, so a person narrows it. */
export const BULK_JOB_MAX_ORDERS = 10_000;
/** A GET /orders query string, taken whole as a bulk job's selection. */
export const BULK_FILTER_MAX = 4_000;

/** A split names an order's own line numbers, so it cannot be one request for many orders. */
export const NOT_IN_BULK: readonly OrderActionName[] = ['split'];

export const bulkSelection = z.union([
  z.strictObject({ orderIds: z.array(oneLine(ID_MAX)).min(1, 'select at least one order').max(BULK_JOB_MAX_ORDERS, `at most ${BULK_JOB_MAX_ORDERS.toLocaleString('en')} orders in one job`) }),
  z.strictObject({ filter: z.string().max(BULK_FILTER_MAX).describe('A GET /orders query string (`state=queued&kind=delivery`), taken whole; its cursor, offset and limit are ignored.') }),
]);
export type BulkSelection = z.infer<typeof bulkSelection>;

/** A lifecycle action on each order, or printing each order's document of one kind as one merged PDF. */
export const bulkRequest = z.discriminatedUnion('action', [
  printDocumentsRequest,
  orderActionRequest.refine((r) => !NOT_IN_BULK.includes(r.action), { path: ['action'], message: 'a split names one order\'s lines: split orders one at a time' }),
]);
export type BulkRequest = z.infer<typeof bulkRequest>;

export const bulkJobRequest = z.strictObject({
  selection: bulkSelection,
  request: bulkRequest,
});
export type BulkJobRequest = z.infer<typeof bulkJobRequest>;

/** What became of one order of a job: not yet tried, acted on, refused (with why), failed (with the error), or never tried (the job was cancelled). */
export const BULK_OUTCOMES = ['pending', 'done', 'refused', 'failed', 'not_run'] as const;
export const bulkOutcome = z.enum(BULK_OUTCOMES);
export type BulkOutcome = z.infer<typeof bulkOutcome>;

export const BULK_JOB_STATUSES = ['running', 'paused', 'cancelling', 'cancelled', 'done'] as const;
export const bulkJobStatus = z.enum(BULK_JOB_STATUSES);
export type BulkJobStatus = z.infer<typeof bulkJobStatus>;
export const FINISHED_STATUSES: readonly BulkJobStatus[] = ['cancelled', 'done'];

export const bulkCounts = z.object(Object.fromEntries(BULK_OUTCOMES.map((o) => [o, z.number().int()])) as Record<BulkOutcome, z.ZodNumber>);
export type BulkCounts = z.infer<typeof bulkCounts>;

export const bulkJob = z.object({
  id: z.string(),
  action: z.string(),
  request: z.record(z.string(), z.unknown()),
  /** How the orders were chosen: the ids given, or the GET /orders query string they matched when the job was made. */
  selection: z.object({ kind: z.enum(['ids', 'filter']), filter: z.string().nullable() }),
  requestedBy: z.string(),
  status: bulkJobStatus,
  total: z.number().int(),
  counts: bulkCounts,
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** A print job's merged PDF once it is made (GET /bulk-jobs/{id}/print.pdf); null otherwise. */
  print: bulkPrint.nullable(),
});
export type BulkJob = z.infer<typeof bulkJob>;

export const bulkJobItem = z.object({
  position: z.number().int(),
  orderId: z.string(),
  reference: z.string().nullable(),
  outcome: bulkOutcome,
  reason: z.string().nullable(),
  at: z.string().nullable(),
});
export type BulkJobItem = z.infer<typeof bulkJobItem>;

/** Why the dry run expects an order to be refused: it is gone, the person's role may not, or the lifecycle does not allow it now (its state, a hold, another's claim). */
export const REFUSAL_KINDS = ['not_found', 'role', 'lifecycle'] as const;
export const refusalKind = z.enum(REFUSAL_KINDS);
export type RefusalKind = z.infer<typeof refusalKind>;

export const dryRunResult = z.object({
  total: z.number().int(),
  wouldRun: z.number().int(),
  refused: z.number().int(),
  /** Refused orders counted by their reason, most first. */
  reasons: z.array(z.object({ kind: refusalKind, reason: z.string(), count: z.number().int() })),
  /** A page of the refused orders, from `offset`. */
  items: z.array(z.object({ orderId: z.string(), reference: z.string().nullable(), state: z.string().nullable(), kind: refusalKind, reason: z.string() })),
  offset: z.number().int(),
});
export type DryRunResult = z.infer<typeof dryRunResult>;

/** A dry run's request: the job it would be, and which page of the refused orders to answer. */
export const bulkDryRunRequest = z.strictObject({
  selection: bulkSelection,
  request: bulkJobRequest.shape.request,
  offset: z.number().int().min(0).max(BULK_JOB_MAX_ORDERS).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

/** What the person who asked for a job reads when it ends: the action, how it ended, and the counts that matter. */
export function bulkJobFinishedNotice(jobId: string, action: string, status: 'done' | 'cancelled', counts: BulkCounts) {
  const parts = [`${counts.done.toLocaleString('en')} done`, `${counts.refused.toLocaleString('en')} refused`, `${counts.failed.toLocaleString('en')} failed`];
  if (counts.not_run > 0) parts.push(`${counts.not_run.toLocaleString('en')} not run`);
  return {
    kind: 'bulk_job_finished' as const,
    title: `Bulk ${action.replaceAll('_', ' ')} ${status === 'cancelled' ? 'cancelled' : 'finished'}`,
    text: `${parts.join(', ')}.`,
    link: `/?view=bulk&job=${encodeURIComponent(jobId)}`,
  };
}
