import type { areaControllerWorkflow } from '../workflows/area-controller.workflow.ts';
import { areaWorkflowId, enqueueSignal } from '../workflows/definitions.ts';
import type { PoolEntry } from '../workflows/pool-entry.ts';
import type { ActivityDeps } from './activity-deps.ts';

/**
 * Tells the order's work area that it waits in the pool (its state in the store says so already), starting
 * the area's controller if it is not running yet, so a release cycle follows.
 */
export function enqueueForReleaseActivity(deps: ActivityDeps) {
  return async function enqueueForRelease({ workAreaId, ...entry }: PoolEntry & { workAreaId: string }): Promise<void> {
    await deps.temporal.workflow.signalWithStart<typeof areaControllerWorkflow, [PoolEntry]>('areaControllerWorkflow', {
      workflowId: areaWorkflowId(workAreaId),
      taskQueue: deps.taskQueue,
      args: [{ workAreaId }],
      signal: enqueueSignal,
      signalArgs: [entry],
    });
  };
}
