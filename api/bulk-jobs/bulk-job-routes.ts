import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { z } from 'zod';
import { bulkDryRunRequest, bulkJob, bulkJobItem, bulkJobRequest, bulkOutcome, dryRunResult, type BulkJobItem, type BulkJobStatus } from '../../domain/bulk-job.ts';
import { BULK_PRINT_MAX_ORDERS, isPrintRequest } from '../../domain/bulk-print.ts';
import type { Role } from '../../domain/roles.ts';
import { bulkPrintPdf } from '../../store/bulk-jobs/bulk-prints.ts';
import { findBulkJob, bulkItemsPage, createBulkJob, findBulkJobRecord, listBulkJobs, requestStatus } from '../../store/bulk-jobs/bulk-jobs.ts';
import { addAnnouncement } from '../../store/outbox.ts';
import { inTransaction } from '../../store/in-transaction.ts';
import { bulkJobWorkflowId, cancelBulkJobSignal, pauseBulkJobSignal, resumeBulkJobSignal } from '../../workflows/bulk-job-definitions.ts';
import type { bulkJobWorkflow } from '../../workflows/bulk-job.workflow.ts';
import { relayAnnouncements } from '../announcement-relay.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { notFound, UserError } from '../errors.ts';
import { csvRecord } from '../exports/csv.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, STANDARD_ERRORS } from '../schemas.ts';
import { withTemporal } from '../temporal-gate.ts';
import { log } from '../../logging/logger.ts';
import { dryRun } from './dry-run.ts';
import { dryRunPrint } from './dry-run-print.ts';
import { boundOf, resolveSelection } from './selection.ts';

const NOT_FOUND = { 404: { description: 'No such bulk job.', schema: errorBody } };
const CONTROLS = {
  pause: { to: 'paused', from: ['running'], signal: pauseBulkJobSignal, what: 'Pausing' },
  resume: { to: 'running', from: ['paused'], signal: resumeBulkJobSignal, what: 'Resuming' },
  cancel: { to: 'cancelling', from: ['running', 'paused'], signal: cancelBulkJobSignal, what: 'Cancelling' },
} as const satisfies Record<string, { to: BulkJobStatus; from: readonly BulkJobStatus[]; signal: unknown; what: string }>;
const FAILURE_OUTCOMES = ['refused', 'failed'] as const;

export function bulkJobRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  const actor = (principal: Principal) => ({ name: actorOf(principal), roles: principal.roles as Role[] });
  const job = async (id: string) => {
    const found = await findBulkJob(deps.store.em, id);
    if (!found) throw notFound(`Bulk job ${id}`);
    return found;
  };

  const control = (name: keyof typeof CONTROLS) => {
    const { to, from, signal, what } = CONTROLS[name];
    return defineRoute({
      method: 'post',
      path: `/bulk-jobs/:id/${name}`,
      operationId: `${name}BulkJob`,
      summary: `${what} a bulk job`,
      tag: 'Bulk jobs',
      access: 'orders.act',
      params: idParams,
      responses: {
        200: { description: `Asked: the job takes it after the chunk of orders in hand${name === 'cancel' ? '; the orders not tried are "not run"' : ''}.`, schema: bulkJob },
        ...NOT_FOUND,
        409: { description: `The job is not ${from.join(' or ')}.`, schema: errorBody },
        503: { description: 'Temporal cannot be reached: nothing changed; try again.', schema: errorBody },
        ...STANDARD_ERRORS,
        403: { description: 'Not the person who made the job, nor an ops manager.', schema: errorBody },
      },
      handler: async (c, { params, principal }) => {
        const record = await findBulkJobRecord(deps.store.em, params.id);
        if (!record) throw notFound(`Bulk job ${params.id}`);
        const me = actorOf(principal);
        if (record.requestedBy !== me && !(principal.roles as readonly Role[]).includes('ops_manager')) throw new UserError(403, 'forbidden', `The job is ${record.requestedBy}'s: only they or an ops manager may ${name} it.`);
        const refuse = () => new UserError(409, 'conflict', `The job is ${record.status.replace('_', ' ')}: only a ${from.join(' or ')} job can be ${name === 'pause' ? 'paused' : name === 'resume' ? 'resumed' : 'cancelled'}.`);
        if (!(from as readonly string[]).includes(record.status)) throw refuse();
        // Sent with start: a job whose announcement is still on its way starts with the signal in hand.
        await withTemporal(deps.temporal, `${what} the job`, async () => {
          try {
            await deps.temporal.workflow.signalWithStart<typeof bulkJobWorkflow, []>('bulkJobWorkflow', {
              workflowId: bulkJobWorkflowId(params.id),
              workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
              taskQueue: deps.taskQueue,
              args: [{ jobId: params.id }],
              signal,
              signalArgs: [],
            });
          } catch (err) {
            if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
          }
        });
        if (!(await requestStatus(deps.store.em, params.id, to, from, me, new Date()))) throw refuse();
        return c.json(await job(params.id));
      },
    });
  };

  return [
    defineRoute({
      method: 'post',
      path: '/bulk-jobs/dry-run',
      operationId: 'dryRunBulkJob',
      summary: 'Trying a bulk job without acting',
      tag: 'Bulk jobs',
      access: 'orders.act',
      body: bulkDryRunRequest,
      responses: {
        200: { description: 'Per order, whether the action would go through now and why not (gone, the role may not, the lifecycle does not allow it: its state, a hold, another\'s claim; for printing, no new papers for a cancelled or rejected order): the counts, the reasons counted, and a page of the refused orders. Nothing is acted on or written.', schema: dryRunResult },
        ...STANDARD_ERRORS,
        400: { description: `Bad input, or more orders than one job takes (${BULK_PRINT_MAX_ORDERS} for printing): the message says how to narrow it.`, schema: errorBody },
      },
      handler: async (c, { body, principal }) => {
        const { request } = body;
        const { orderIds } = await resolveSelection(em(), body.selection, boundOf(request));
        const page = { offset: body.offset, limit: body.limit };
        return c.json(isPrintRequest(request) ? await dryRunPrint(em(), orderIds, request, actor(principal), page) : await dryRun(em(), orderIds, request, actor(principal), page));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/bulk-jobs',
      operationId: 'createBulkJob',
      summary: 'Running a bulk job',
      tag: 'Bulk jobs',
      access: 'orders.act',
      body: bulkJobRequest,
      responses: {
        201: { description: 'Made: its workflow acts on each order in turn, as the person who made it. Follow it at GET /bulk-jobs/{id}.', schema: bulkJob },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { body, principal }) => {
        const { orderIds, filter } = await resolveSelection(em(), body.selection, boundOf(body.request));
        if (orderIds.length === 0) throw new UserError(400, 'invalid_request', 'No order matches the filter: there is nothing to act on.', [{ path: 'selection.filter', message: 'matches no order' }]);
        const id = randomUUID();
        const who = actor(principal);
        await createBulkJob(deps.store.em, { id, request: body.request, filter, requestedBy: who.name, requestedRoles: [...who.roles], orderIds, at: new Date() });
        await inTransaction(deps.store.em, async (tx) => {
          addAnnouncement(tx, { kind: 'bulk_job_created', jobId: id });
          await tx.flush();
        });
        await relayAnnouncements(deps).catch((err: unknown) => log.warn({ component: 'relay', err }, 'starting the bulk job failed; the workers will'));
        c.header('Location', `/bulk-jobs/${id}`);
        return c.json(await job(id), 201);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/bulk-jobs',
      operationId: 'listBulkJobs',
      summary: 'Bulk jobs',
      tag: 'Bulk jobs',
      access: 'orders.act',
      query: z.object({
        mine: z.enum(['true', 'false']).default('true').describe('true: the caller\'s own jobs; false: everyone\'s.'),
        limit: z.coerce.number().int().min(1).max(100).default(20),
      }),
      responses: { 200: { description: 'The newest jobs first, with their counts.', schema: z.object({ jobs: z.array(bulkJob) }) }, ...STANDARD_ERRORS },
      handler: async (c, { query, principal }) => c.json({ jobs: await listBulkJobs(deps.store.em, { ...(query.mine === 'true' ? { requestedBy: actorOf(principal) } : {}), limit: query.limit }) }),
    }),
    defineRoute({
      method: 'get',
      path: '/bulk-jobs/:id',
      operationId: 'getBulkJob',
      summary: 'A bulk job and its progress',
      tag: 'Bulk jobs',
      access: 'orders.act',
      params: idParams,
      responses: { 200: { description: 'Its status and how many orders are pending, done, refused, failed or not run.', schema: bulkJob }, ...NOT_FOUND, ...STANDARD_ERRORS },
      handler: async (c, { params }) => c.json(await job(params.id)),
    }),
    defineRoute({
      method: 'get',
      path: '/bulk-jobs/:id/items',
      operationId: 'listBulkJobItems',
      summary: 'A bulk job\'s result per order',
      tag: 'Bulk jobs',
      access: 'orders.act',
      params: idParams,
      query: z.object({
        outcome: bulkOutcome.optional(),
        after: z.coerce.number().int().min(-1).max(1_000_000).default(-1).describe('The `next` of the page before.'),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      responses: {
        200: { description: 'A page of the orders in the job\'s order, of the outcome asked: each one\'s outcome and why. `next` continues it, null on the last page.', schema: z.object({ items: z.array(bulkJobItem), next: z.number().int().nullable() }) },
        ...NOT_FOUND,
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params, query }) => {
        await job(params.id);
        return c.json(await bulkItemsPage(deps.store.em, params.id, { ...(query.outcome ? { outcomes: [query.outcome] } : {}), after: query.after, limit: query.limit }));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/bulk-jobs/:id/failures.csv',
      operationId: 'exportBulkJobFailures',
      summary: 'A bulk job\'s refused and failed orders as CSV',
      tag: 'Bulk jobs',
      access: 'orders.act',
      params: idParams,
      responses: {
        200: { description: 'The refused and failed orders, streamed as CSV (RFC 4180, a header line first): order, reference, outcome, reason, when.', contentType: 'text/csv' },
        ...NOT_FOUND,
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params }) => {
        await job(params.id);
        const encoder = new TextEncoder();
        let after = -1;
        let first = true;
        const line = (i: BulkJobItem) => csvRecord([i.orderId, i.reference, i.outcome, i.reason, i.at]);
        const body = new ReadableStream<Uint8Array>(
          {
            async pull(controller) {
              const page = await bulkItemsPage(deps.store.em, params.id, { outcomes: FAILURE_OUTCOMES, after, limit: 500 });
              const header = first ? csvRecord(['order', 'reference', 'outcome', 'reason', 'at']) : '';
              first = false;
              controller.enqueue(encoder.encode(header + page.items.map(line).join('')));
              if (page.next === null) controller.close();
              else after = page.next;
            },
          },
          { highWaterMark: 0 },
        );
        return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="bulk-job-${params.id.slice(0, 8)}-failures.csv"`, 'cache-control': 'no-store' });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/bulk-jobs/:id/print.pdf',
      operationId: 'downloadBulkPrint',
      summary: 'A print job\'s merged PDF',
      tag: 'Bulk jobs',
      access: 'documents.read',
      params: idParams,
      responses: {
        200: { description: 'The documents the job printed, in the selection\'s order, as one PDF exactly as kept; its SHA-256 is in the ETag.', contentType: 'application/pdf' },
        404: { description: 'No such job, or it has no merged PDF (not a print job, not finished, or nothing printed: the job says why).', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params }) => {
        const stored = await bulkPrintPdf(deps.store.em, params.id);
        if (!stored) throw notFound(`A merged PDF of bulk job ${params.id}`);
        return c.body(new Uint8Array(stored.pdf), 200, {
          'content-type': 'application/pdf',
          'content-disposition': `attachment; filename="bulk-job-${params.id.slice(0, 8)}-${stored.summary.kind.replaceAll('_', '-')}s.pdf"`,
          etag: `"${stored.summary.sha256}"`,
          'cache-control': 'private, max-age=31536000, immutable',
        });
      },
    }),
    control('pause'),
    control('resume'),
    control('cancel'),
  ];
}
