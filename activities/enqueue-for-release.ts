import { readCandidateAreas } from '../store/order-candidate-area.entity.ts';
import type { areaControllerWorkflow } from '../workflows/area-controller.workflow.ts';
import { areaWorkflowId, enqueueSignal } from '../workflows/definitions.ts';
import type { PoolEntry } from '../workflows/pool-entry.ts';
import type { ActivityDeps } from './activity-deps.ts';

/**
 * Tells the areas that may release the order that it waits in their pools (its state in the store says so
 * already), starting an area's controller if it is not running yet, so a release cycle follows in each.
 */
export function enqueueForReleaseActivity(deps: ActivityDeps) {
  return async function enqueueForRelease({ workAreaId, ...entry }: PoolEntry & { workAreaId: string }): Promise<void> {
    for (const areaId of (await readCandidateAreas(deps.store.em.fork(), entry.orderId)) ?? [workAreaId]) {
      await deps.temporal.workflow.signalWithStart<typeof areaControllerWorkflow, [PoolEntry]>('areaControllerWorkflow', {
        workflowId: areaWorkflowId(areaId),
        taskQueue: deps.taskQueue,
        args: [{ workAreaId: areaId }],
        signal: enqueueSignal,
        signalArgs: [entry],
      });
    }
  };
}
