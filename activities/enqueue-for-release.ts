import type { areaControllerWorkflow } from '../workflows/area-controller.workflow.ts';
import { areaWorkflowId, enqueueSignal } from '../workflows/definitions.ts';
import type { PoolEntry } from '../workflows/release-pool.ts';
import { OrderRecord } from '../store/order.entity.ts';
import type { ActivityDeps } from './activity-deps.ts';

/**
 * Puts an order in its work area's pool, starting the area's controller if it is not running yet. The
 * entry carries the order's units, for areas whose WIP limit counts units.
 */
export function enqueueForReleaseActivity(deps: ActivityDeps) {
  return async function enqueueForRelease({ workAreaId, ...pending }: PoolEntry & { workAreaId: string }): Promise<void> {
    const order = await deps.store.em.fork().findOne(OrderRecord, { id: pending.orderId }, { fields: ['lines'] });
    const entry: PoolEntry = { ...pending, units: order ? order.lines.reduce((sum, line) => sum + line.qty, 0) : 1 };
    await deps.temporal.workflow.signalWithStart<typeof areaControllerWorkflow, [PoolEntry]>('areaControllerWorkflow', {
      workflowId: areaWorkflowId(workAreaId),
      taskQueue: deps.taskQueue,
      args: [{ workAreaId }],
      signal: enqueueSignal,
      signalArgs: [entry],
    });
  };
}
