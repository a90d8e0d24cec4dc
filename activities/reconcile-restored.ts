import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';
import { inTransaction } from '../store/in-transaction.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { openOrdersAfter, reconcileOrder } from '../store/reconcile-order.ts';
import { orderSnapshotQuery, orderWorkflowId } from '../workflows/definitions.ts';
import type { ActivityDeps } from './activity-deps.ts';

const PAGE = 100;

export interface RestoredInput {
  /** The restore's announcement: it names the audit entries of this reconciliation. */
  restoreId: string;
  backupTakenAt: string;
}

export interface ReconciledPage {
  reconciled: number;
  /** Open orders past captured with no workflow at all: Temporal lost them (its own state was restored or reset). */
  withoutWorkflow: string[];
  /** Where the next page starts; null after the last. */
  next: string | null;
}

/**
 * Brings a page of open orders forward to their workflows, the source of truth for where an order is. A
 * captured order whose workflow never started is left to the intake sweeper.
 */
export function reconcileRestoredOrdersActivity(deps: ActivityDeps) {
  return async function reconcileRestoredOrders({ restoreId, backupTakenAt, after }: RestoredInput & { after: string | null }): Promise<ReconciledPage> {
    const orders = await openOrdersAfter(deps.store.em.fork(), after, PAGE);
    const reason = `The store was restored from a backup taken at ${backupTakenAt}; the order's workflow had moved on since.`;
    const page: ReconciledPage = { reconciled: 0, withoutWorkflow: [], next: orders.length === PAGE ? orders.at(-1)!.id : null };
    for (const order of orders) {
      Context.current().heartbeat(order.id);
      let snapshot;
      try {
        snapshot = await deps.temporal.workflow.getHandle(orderWorkflowId(order.id)).query(orderSnapshotQuery);
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
        if (order.state !== 'captured') page.withoutWorkflow.push(order.id);
        continue;
      }
      if (order.matches(snapshot)) continue;
      const key = `restored:${restoreId}:${order.id}`;
      if (await inTransaction(deps.store.em, (tx) => reconcileOrder(tx, order, snapshot, key, reason, deps.clock()))) page.reconciled += 1;
    }
    return page;
  };
}

/**
 * Ends the running order workflows of this task queue whose order is not in the store: orders taken after
 * the backup. Their callers' records of them are gone with the store's; they send them again.
 */
export function endOrdersNotRestoredActivity(deps: ActivityDeps) {
  return async function endOrdersNotRestored({ backupTakenAt }: RestoredInput): Promise<string[]> {
    const queue = deps.taskQueue.replaceAll("'", "\\'");
    const ended: string[] = [];
    for await (const execution of deps.temporal.workflow.list({ query: `WorkflowType = 'orderWorkflow' AND ExecutionStatus = 'Running' AND TaskQueue = '${queue}'` })) {
      Context.current().heartbeat(execution.workflowId);
      const orderId = execution.workflowId.slice('order-'.length);
      if (await deps.store.em.fork().count(OrderRecord, { id: orderId })) continue;
      try {
        await deps.temporal.workflow.getHandle(execution.workflowId).terminate(`Its order is not in the store restored from the backup taken at ${backupTakenAt}; it was taken after that backup.`);
        ended.push(orderId);
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      }
    }
    return ended;
  };
}
