import { Context } from '@temporalio/activity';
import type { BulkCounts } from '../../domain/bulk-job.ts';
import { isPrintRequest } from '../../domain/bulk-print.ts';
import type { Role } from '../../domain/roles.ts';
import { findBulkJobRecord, finishBulkJobRecord, pendingItems, settleItem } from '../../store/bulk-jobs/bulk-jobs.ts';
import type { ActivityDeps } from '../activity-deps.ts';
import { publicUrlFromEnv } from '../documents/public-url.ts';
import { actOnItem, type ItemResult } from './act-on-item.ts';
import { mergeBulkPrintActivity } from './merge-print.ts';
import { printItem } from './print-item.ts';

/** Orders acted on side by side within a chunk: each is its own workflow, so they do not wait on each other. */
const SIDE_BY_SIDE = 8;

export interface BulkChunkInput {
  jobId: string;
  /** The last position of the chunk before, -1 at the start. */
  after: number;
  size: number;
}

/** Acts on the next chunk of a job's pending items and records each one's result; answers the chunk's last position, null when none was left. */
function runBulkChunkActivity(deps: ActivityDeps, publicUrl: string) {
  return async ({ jobId, after, size }: BulkChunkInput): Promise<number | null> => {
    const record = await findBulkJobRecord(deps.store.em, jobId);
    if (!record) return null;
    const actor = { name: record.requestedBy, roles: record.requestedRoles as Role[] };
    const { request } = record;
    const act = (orderId: string): Promise<ItemResult> =>
      isPrintRequest(request) ? printItem(deps, publicUrl, { id: jobId, request, actor }, orderId) : actOnItem(deps, { id: jobId, request, actor }, orderId);
    const items = await pendingItems(deps.store.em, jobId, after, size);
    let next = 0;
    const work = async () => {
      for (let i = next++; i < items.length; i = next++) {
        const item = items[i]!;
        const result = await act(item.orderId);
        await settleItem(deps.store.em, jobId, item.position, result.outcome, result.reason, deps.clock());
        Context.current().heartbeat();
      }
    };
    await Promise.all(Array.from({ length: Math.min(SIDE_BY_SIDE, items.length) }, work));
    return items.length ? items[items.length - 1]!.position : null;
  };
}

/** The job's end, in one place: what is left becomes "not run" if it was cancelled, and the end is audited. */
function finishBulkJobActivity(deps: ActivityDeps) {
  return ({ jobId, cancelled }: { jobId: string; cancelled: boolean }): Promise<BulkCounts> => finishBulkJobRecord(deps.store.em, jobId, cancelled, deps.clock());
}

export function createBulkJobActivities(deps: ActivityDeps, publicUrl = publicUrlFromEnv()) {
  return {
    runBulkChunk: runBulkChunkActivity(deps, publicUrl),
    mergeBulkPrint: mergeBulkPrintActivity(deps),
    finishBulkJob: finishBulkJobActivity(deps),
  };
}

export type BulkJobActivities = ReturnType<typeof createBulkJobActivities>;
