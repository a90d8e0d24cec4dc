import { proxyActivities } from '@temporalio/workflow';
import type { ImportActivities } from '../activities/import-orders.ts';

export interface ImportOrdersInput {
  importId: string;
  rows: number;
  chunkRows: number;
}

// A chunk's orders are written a hundred per transaction and their workflows started sixteen at a time: minutes is ample.
const { takeImportChunk, finishImport } = proxyActivities<ImportActivities>({ startToCloseTimeout: '10 minutes', retry: { initialInterval: '1 second', maximumInterval: '1 minute' } });

/** Takes an import's rows a chunk at a time, in order, then ends the import. Chunks are safe to retry (see takeImportChunk). */
export async function importOrdersWorkflow({ importId, rows, chunkRows }: ImportOrdersInput): Promise<void> {
  for (let from = 1; from <= rows; from += chunkRows) await takeImportChunk({ importId, from, to: Math.min(rows, from + chunkRows - 1) });
  await finishImport({ importId });
}
