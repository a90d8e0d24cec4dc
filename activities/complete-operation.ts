import { ApplicationFailure } from '@temporalio/activity';
import { inTransaction } from '../store/in-transaction.ts';
import { directQueueEmpty, gatewaysRoutedThrough, recordOperationDone, type OperationDone } from '../store/operation-progress.ts';
import { poolWaits } from '../store/release-pool-reads.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import type { CycleTrigger } from '../domain/cycle-trigger.ts';
import type { areaControllerWorkflow } from '../workflows/area-controller.workflow.ts';
import { areaWorkflowId, cycleRequestSignal } from '../workflows/definitions.ts';
import type { ActivityDeps } from './activity-deps.ts';

/** Failure types of an operation-completed event the API answers with a 409 or 404. */
export const OPERATION_NOT_NEXT = 'OperationNotNext';
export const OPERATION_NOT_FOUND = 'OperationNotFound';

/**
 * Records an operation-completed event of the order's routing, once per key, then tells the areas whose
 * load dropped. Answers whether it was the routing's last step: the workflow completes the order then.
 */
export function completeOperationActivity(deps: ActivityDeps) {
  return async function completeOperation(done: OperationDone): Promise<{ last: boolean }> {
    const result = await inTransaction(deps.store.em, (tx) => recordOperationDone(tx, done, deps.clock()));
    if (result.outcome === 'no-operation') throw ApplicationFailure.nonRetryable(`The order has no operation ${done.position} in its routing.`, OPERATION_NOT_FOUND);
    if (result.outcome === 'not-next') {
      throw ApplicationFailure.nonRetryable(`Operation ${result.next} is the next one to complete: the steps of a routing are done in order.`, OPERATION_NOT_NEXT);
    }
    // Told on a repeat too: an attempt may have committed and died before telling them (a spare cycle at most).
    await announceLoadDrop(deps, [result.workAreaId]);
    return { last: result.last };
  };
}

/**
 * The areas' load dropped (operations done there): the gateways whose pools hold orders routed through
 * them run a cycle now, not on the next tick; and an area whose direct queue is now empty, with
 * starvation release on and orders waiting in its own pool, runs one in starvation mode.
 */
export async function announceLoadDrop(deps: ActivityDeps, areaIds: readonly string[]): Promise<void> {
  const em = deps.store.em.fork();
  const calls = new Map<string, CycleTrigger>();
  for (const areaId of areaIds) {
    for (const gateway of await gatewaysRoutedThrough(em, areaId)) if (!calls.has(gateway)) calls.set(gateway, 'load_dropped');
    const area = await em.findOne(WorkAreaRecord, { id: areaId }, { fields: ['id', 'starvationRelease'] });
    if (area?.starvationRelease && (await directQueueEmpty(em, areaId)) && (await poolWaits(em, areaId))) calls.set(areaId, 'starved');
  }
  for (const [workAreaId, trigger] of calls) {
    // With start: an area whose controller is not running gets one.
    await deps.temporal.workflow.signalWithStart<typeof areaControllerWorkflow, [{ trigger: CycleTrigger }]>('areaControllerWorkflow', {
      workflowId: areaWorkflowId(workAreaId),
      taskQueue: deps.taskQueue,
      args: [{ workAreaId }],
      signal: cycleRequestSignal,
      signalArgs: [{ trigger }],
    });
  }
}
