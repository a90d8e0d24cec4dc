import { proxyActivities } from '@temporalio/workflow';
import type { ImportActivities } from '../activities/import-orders.ts';

export interface ImportOrdersInput {
  importId: string;
  rows: number;
  chunkRows: number;
}

// A chunk's orders are written a hundred per transaction and their workflows started sixteen at a time: minutes is ample.
// The chunk beats while it runs, so a worker that dies mid-chunk is noticed in seconds and another takes the chunk again.
const retry = { initialInterval: '1 second', maximumInterval: '1 minute' };
const { takeImportChunk } = proxyActivities<ImportActivities>({ startToCloseTimeout: '10 minutes', heartbeatTimeout: '30 seconds', retry });
const { finishImport } = proxyActivities<ImportActivities>({ startToCloseTimeout: '10 minutes', retry });

/** Takes an import's rows a chunk at a time, in order, then ends the import. Chunks are safe to retry (see takeImportChunk). */
export async function importOrdersWorkflow({ importId, rows, chunkRows }: ImportOrdersInput): Promise<void> {
  for (let from = 1; from <= rows; from += chunkRows) await takeImportChunk({ importId, from, to: Math.min(rows, from + chunkRows - 1) });
  await finishImport({ importId });
}
