import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { bulkJobWorkflowId } from '../../workflows/bulk-job-definitions.ts';
import type { bulkJobWorkflow } from '../../workflows/bulk-job.workflow.ts';

/** Starts the job's workflow, named by the job: a second delivery of its announcement finds it started. */
export async function startBulkJob(temporal: Client, taskQueue: string, jobId: string): Promise<void> {
  try {
    await temporal.workflow.start<typeof bulkJobWorkflow>('bulkJobWorkflow', {
      workflowId: bulkJobWorkflowId(jobId),
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      taskQueue,
      args: [{ jobId }],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}
