import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import type { OrderKind, PaymentMode } from '../domain/order.ts';
import { ORDER_WORKFLOW_REVISION, orderWorkflowId } from '../workflows/definitions.ts';
import type { orderWorkflow } from '../workflows/order.workflow.ts';

/** How long intake waits on Temporal before it leaves the start to the sweeper: a caller should not hang on a server that is down. */
export const START_DEADLINE_MS = 5_000;

export interface StartableOrder {
  id: string;
  workAreaId: string;
  dueAt: Date;
  kind: OrderKind;
  paymentMode: PaymentMode;
}

/**
 * Starts the order's workflow unless one was ever started under its id, running or closed: answers
 * whether this call started it. Rejecting duplicate ids is what makes a retried POST or several sweepers
 * safe: a closed order is never brought back by a second run.
 */
export async function startOrderWorkflow(temporal: Client, taskQueue: string, order: StartableOrder): Promise<'started' | 'existed'> {
  try {
    await temporal.withDeadline(Date.now() + START_DEADLINE_MS, () =>
      temporal.workflow.start<typeof orderWorkflow>('orderWorkflow', {
        workflowId: orderWorkflowId(order.id),
        taskQueue,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        args: [{ orderId: order.id, workAreaId: order.workAreaId, dueAt: order.dueAt.toISOString(), kind: order.kind, paymentMode: order.paymentMode, revision: ORDER_WORKFLOW_REVISION }],
      }),
    );
    return 'started';
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return 'existed';
    throw err;
  }
}
