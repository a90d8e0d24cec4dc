import { log, proxyActivities } from '@temporalio/workflow';
import type { OrderActivities } from '../activities/index.ts';
import type { ReconciledPage, RestoredInput } from '../activities/reconcile-restored.ts';

const { reconcileRestoredOrders, endOrdersNotRestored } = proxyActivities<OrderActivities>({ startToCloseTimeout: '30 minutes', heartbeatTimeout: '1 minute' });
const { requestReleaseCycles } = proxyActivities<OrderActivities>({ startToCloseTimeout: '5 minutes' });

export interface StoreRestoredResult {
  reconciled: number;
  withoutWorkflow: string[];
  notRestored: string[];
}

/**
 * After a restore the store may be behind the workflows, which kept running: every open order is brought
 * forward to its workflow's state, workflows of orders taken after the backup are ended, and every area runs
 * a cycle on the store as it now is.
 */
export async function storeRestoredWorkflow(input: RestoredInput): Promise<StoreRestoredResult> {
  const result: StoreRestoredResult = { reconciled: 0, withoutWorkflow: [], notRestored: [] };
  let after: string | null = null;
  do {
    const page: ReconciledPage = await reconcileRestoredOrders({ ...input, after });
    result.reconciled += page.reconciled;
    result.withoutWorkflow.push(...page.withoutWorkflow);
    after = page.next;
  } while (after !== null);
  result.notRestored = await endOrdersNotRestored(input);
  await requestReleaseCycles({ trigger: 'area_changed' });
  if (result.withoutWorkflow.length > 0) log.warn('open orders of the restored store have no workflow', { orders: result.withoutWorkflow.slice(0, 100), count: result.withoutWorkflow.length });
  if (result.notRestored.length > 0) log.warn('orders taken after the backup were ended', { orders: result.notRestored.slice(0, 100), count: result.notRestored.length });
  // A workflow's result has a size limit; the log above has the counts.
  return { ...result, withoutWorkflow: result.withoutWorkflow.slice(0, 1000), notRestored: result.notRestored.slice(0, 1000) };
}
