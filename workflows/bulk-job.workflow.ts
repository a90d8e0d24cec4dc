import { condition, continueAsNew, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { BulkJobActivities } from '../activities/bulk-jobs/index.ts';
import type { BulkCounts } from '../domain/bulk-job.ts';
import { BULK_CHUNK, cancelBulkJobSignal, pauseBulkJobSignal, resumeBulkJobSignal } from './bulk-job-definitions.ts';

export interface BulkJobInput {
  jobId: string;
  /** Where the run before continue-as-new stopped: the last position done, and whether it was paused or cancelled. */
  after?: number;
  paused?: boolean;
  cancelled?: boolean;
}

// A chunk heartbeats per order; a dead worker's chunk is retried by another after the heartbeat timeout.
const { runBulkChunk } = proxyActivities<BulkJobActivities>({ startToCloseTimeout: '30 minutes', heartbeatTimeout: '30 seconds' });
const { finishBulkJob } = proxyActivities<BulkJobActivities>({ startToCloseTimeout: '1 minute' });
// A print job's merge reads and copies up to BULK_PRINT_MAX_ORDERS stored PDFs, beating per document.
const { mergeBulkPrint } = proxyActivities<BulkJobActivities>({ startToCloseTimeout: '10 minutes', heartbeatTimeout: '1 minute' });

/** Jobs started before print jobs existed end as they began: their history has no merge. */
export const BULK_PRINT_PATCH = 'bulk-print-merge';

/**
 * Works through a bulk job's items a chunk at a time (the items and their results are in the store, so the
 * history holds only the chunks). Pause and cancel take effect between chunks; a retried chunk acts on no
 * order twice (see `actOnItem`). Continues as new when the history grows, carrying its place.
 */
export async function bulkJobWorkflow(input: BulkJobInput): Promise<BulkCounts> {
  let paused = input.paused ?? false;
  let cancelled = input.cancelled ?? false;
  let after = input.after ?? -1;
  setHandler(pauseBulkJobSignal, () => void (paused = true));
  setHandler(resumeBulkJobSignal, () => void (paused = false));
  setHandler(cancelBulkJobSignal, () => void (cancelled = true));

  for (;;) {
    await condition(() => !paused || cancelled);
    if (cancelled) break;
    const last = await runBulkChunk({ jobId: input.jobId, after, size: BULK_CHUNK });
    if (last === null) break;
    after = last;
    if (workflowInfo().continueAsNewSuggested) return continueAsNew<typeof bulkJobWorkflow>({ jobId: input.jobId, after, paused, cancelled });
  }
  // Every job asks; only a print job merges (what it printed, when cancelled), before it is done, so a done job has its PDF.
  if (patched(BULK_PRINT_PATCH)) await mergeBulkPrint({ jobId: input.jobId });
  return finishBulkJob({ jobId: input.jobId, cancelled });
}
