import type { areaControllerWorkflow } from '../workflows/area-controller.workflow.ts';
import { areaWorkflowId, enqueueSignal } from '../workflows/definitions.ts';
import type { PoolEntry } from '../workflows/release-pool.ts';
import type { ActivityDeps } from './activity-deps.ts';

/** Puts an order in its work area's pool, starting the area's controller if it is not running yet. */
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
