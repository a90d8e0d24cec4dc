import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { BulkPrint } from '../../domain/bulk-print.ts';
import { BULK_OUTCOMES, bulkJobFinishedNotice, type BulkCounts, type BulkJob, type BulkJobItem, type BulkJobStatus, type BulkOutcome, type BulkRequest } from '../../domain/bulk-job.ts';
import { appendAudit, insertAuditOnce } from '../audit-log.ts';
import { inTransaction } from '../in-transaction.ts';
import { notifyUsername } from '../notifications/notifications.ts';
import { OrderRecord } from '../order.entity.ts';
import { jsonOf, sqlOn, type JsonColumn } from '../sql.ts';
import { BulkJobItemRecord } from './bulk-job-item.entity.ts';
import { BulkJobRecord } from './bulk-job.entity.ts';
import { bulkPrintsOf } from './bulk-prints.ts';

// Rows per insert: six values each stays under both databases' limit on bound values in one statement.
const INSERT_ROWS = 1_000;

export interface NewBulkJob {
  id: string;
  request: BulkRequest;
  filter: string | null;
  requestedBy: string;
  requestedRoles: string[];
  orderIds: readonly string[];
  at: Date;
}

/** The job, its items (pending, in the order given) and its audit entry, in one transaction. */
export async function createBulkJob(em: EntityManager, job: NewBulkJob): Promise<void> {
  await inTransaction(em, async (tx) => {
    tx.create(BulkJobRecord, { id: job.id, action: job.request.action, request: job.request, filter: job.filter, requestedBy: job.requestedBy, requestedRoles: job.requestedRoles, status: 'running', total: job.orderIds.length, createdAt: job.at, finishedAt: null });
    appendAudit(tx, { dedupeKey: `bulk_job:${job.id}:created`, subjectType: 'bulk_job', subjectId: job.id, action: 'bulk_job_created', toState: 'running', actor: job.requestedBy, at: job.at, data: { request: job.request, filter: job.filter, total: job.orderIds.length, actorRoles: job.requestedRoles } });
    await tx.flush();
    for (let i = 0; i < job.orderIds.length; i += INSERT_ROWS) {
      const rows = job.orderIds.slice(i, i + INSERT_ROWS).map((orderId, j) => ({ jobId: job.id, position: i + j, orderId, outcome: 'pending', reason: null, at: null }));
      await tx.insertMany(BulkJobItemRecord, rows);
    }
  });
}

export async function bulkCounts(em: EntityManager, jobId: string): Promise<BulkCounts> {
  const { rows } = await sql<{ outcome: BulkOutcome; n: number | string }>`select outcome, count(*) as n from bulk_job_items where job_id = ${jobId} group by outcome`.execute(sqlOn(em));
  const counts = Object.fromEntries(BULK_OUTCOMES.map((o) => [o, 0])) as BulkCounts;
  for (const row of rows) counts[row.outcome] = Number(row.n);
  return counts;
}

const toJob = (job: BulkJobRecord, counts: BulkCounts, print: BulkPrint | null): BulkJob => ({
  id: job.id,
  action: job.action,
  request: job.request as Record<string, unknown>,
  selection: { kind: job.filter === null || job.filter === undefined ? 'ids' : 'filter', filter: job.filter ?? null },
  requestedBy: job.requestedBy,
  status: job.status as BulkJobStatus,
  total: job.total,
  counts,
  createdAt: job.createdAt.toISOString(),
  finishedAt: job.finishedAt?.toISOString() ?? null,
  print,
});

export const findBulkJobRecord = (em: EntityManager, id: string) => em.fork().findOne(BulkJobRecord, { id });

export async function findBulkJob(em: EntityManager, id: string): Promise<BulkJob | null> {
  const job = await findBulkJobRecord(em, id);
  return job ? toJob(job, await bulkCounts(em, id), (await bulkPrintsOf(em, [id])).get(id) ?? null) : null;
}

/** The person's own jobs, newest first, and the newest of everyone's when `everyone`. */
export async function listBulkJobs(em: EntityManager, query: { requestedBy?: string; limit: number }): Promise<BulkJob[]> {
  const jobs = await em.fork().find(BulkJobRecord, query.requestedBy === undefined ? {} : { requestedBy: query.requestedBy }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: query.limit });
  const prints = await bulkPrintsOf(em, jobs.map((j) => j.id));
  return Promise.all(jobs.map(async (job) => toJob(job, await bulkCounts(em, job.id), prints.get(job.id) ?? null)));
}

/** A job's items still to act on, in the job's order, after `after`. */
export function pendingItems(em: EntityManager, jobId: string, after: number, limit: number): Promise<BulkJobItemRecord[]> {
  return em.fork().find(BulkJobItemRecord, { jobId, outcome: 'pending', position: { $gt: after } }, { orderBy: { position: 'asc' }, limit });
}

/** Records what became of an item; only a pending item changes, so a retried activity keeps the first outcome. */
export async function settleItem(em: EntityManager, jobId: string, position: number, outcome: Exclude<BulkOutcome, 'pending'>, reason: string | null, at: Date): Promise<void> {
  await em.fork().nativeUpdate(BulkJobItemRecord, { jobId, position, outcome: 'pending' }, { outcome, reason, at });
}

/** A page of a job's items in the job's order, of these outcomes if asked, with each order's reference. */
export async function bulkItemsPage(em: EntityManager, jobId: string, query: { outcomes?: readonly BulkOutcome[]; after: number; limit: number }): Promise<{ items: BulkJobItem[]; next: number | null }> {
  const fork = em.fork();
  const rows = await fork.find(BulkJobItemRecord, { jobId, position: { $gt: query.after }, ...(query.outcomes ? { outcome: { $in: [...query.outcomes] } } : {}) }, { orderBy: { position: 'asc' }, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const orders = page.length ? await fork.find(OrderRecord, { id: { $in: page.map((r) => r.orderId) } }, { fields: ['id', 'reference'] }) : [];
  const references = new Map(orders.map((o) => [o.id, o.reference ?? null]));
  return {
    items: page.map((r) => ({ position: r.position, orderId: r.orderId, reference: references.get(r.orderId) ?? null, outcome: r.outcome as BulkOutcome, reason: r.reason ?? null, at: r.at?.toISOString() ?? null })),
    next: rows.length > query.limit ? page[page.length - 1]!.position : null,
  };
}

/**
 * How many of the order's audit entries name the job: one once its action went through, whatever the job's own
 * record says (a worker may die between the two). Read by the order's index; an order has few entries.
 */
export async function entriesByJob(em: EntityManager, orderId: string, jobId: string): Promise<number> {
  const { rows } = await sql<{ data: JsonColumn<Record<string, unknown>> | null }>`select data from audit_log where subject_type = ${'order'} and subject_id = ${orderId}`.execute(sqlOn(em));
  return rows.filter((row) => row.data !== null && jsonOf(row.data).bulkJobId === jobId).length;
}

/** A person's pause, resume or cancel, audited; false when the job is not in a status it applies to. */
export async function requestStatus(em: EntityManager, jobId: string, to: BulkJobStatus, from: readonly BulkJobStatus[], actor: string, at: Date): Promise<boolean> {
  return inTransaction(em, async (tx) => {
    const changed = await tx.nativeUpdate(BulkJobRecord, { id: jobId, status: { $in: [...from] } }, { status: to });
    if (changed === 0) return false;
    appendAudit(tx, { dedupeKey: `bulk_job:${jobId}:${to}:${at.getTime()}`, subjectType: 'bulk_job', subjectId: jobId, action: `bulk_job_${to}`, toState: to, actor, at });
    await tx.flush();
    return true;
  });
}

/** Ends the job: items not acted on are "not run" when it was cancelled; the end is audited once. */
export async function finishBulkJobRecord(em: EntityManager, jobId: string, cancelled: boolean, at: Date): Promise<BulkCounts> {
  await inTransaction(em, async (tx) => {
    if (cancelled) await tx.nativeUpdate(BulkJobItemRecord, { jobId, outcome: 'pending' }, { outcome: 'not_run', at });
    const status = cancelled ? 'cancelled' : 'done';
    await tx.nativeUpdate(BulkJobRecord, { id: jobId, finishedAt: null }, { status, finishedAt: at });
    const counts = await bulkCounts(tx, jobId);
    await insertAuditOnce(tx, { dedupeKey: `bulk_job:${jobId}:finished`, subjectType: 'bulk_job', subjectId: jobId, action: 'bulk_job_finished', toState: status, actor: 'system', at, data: { ...counts } });
    // The person who asked is told, once however often this runs (a token's job tells no one: no one reads its notifications in the app).
    const job = await tx.findOneOrFail(BulkJobRecord, { id: jobId }, { fields: ['requestedBy', 'request'] });
    await notifyUsername(tx, job.requestedBy, { key: `bulk_job:${jobId}:finished`, ...bulkJobFinishedNotice(jobId, job.request.action, status, counts) }, at);
  });
  return bulkCounts(em, jobId);
}
