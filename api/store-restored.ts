import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import type { Announcement } from '../domain/announcement.ts';
import type { storeRestoredWorkflow } from '../workflows/store-restored.workflow.ts';

export const storeRestoredWorkflowId = (announcementId: string) => `store-restored-${announcementId}`;

/** Starts the reconciliation a restore announced (store/backup/); a second delivery finds it started and does nothing. */
export async function startStoreRestored(temporal: Client, taskQueue: string, id: string, restored: Extract<Announcement, { kind: 'store_restored' }>): Promise<void> {
  try {
    await temporal.workflow.start<typeof storeRestoredWorkflow>('storeRestoredWorkflow', {
      workflowId: storeRestoredWorkflowId(id),
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      taskQueue,
      args: [{ restoreId: id, backupTakenAt: restored.backupTakenAt }],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}
