import { asyncLocalStorage } from '@temporalio/activity';
import { claimCycleCall } from '../store/cycle-calls.ts';
import { readCandidateAreas } from '../store/order-candidate-area.entity.ts';
import type { areaControllerWorkflow } from '../workflows/area-controller.workflow.ts';
import { areaWorkflowId, enqueueSignal } from '../workflows/definitions.ts';
import type { PoolEntry } from '../workflows/pool-entry.ts';
import type { ActivityDeps } from './activity-deps.ts';

/**
 * Tells the areas that may release the order that it waits in their pools (its state in the store says so
 * already), starting an area's controller if it is not running yet, so a release cycle follows in each. An
 * area already called for a cycle that has not started is not called again: that cycle will see the order.
 */
export function enqueueForReleaseActivity(deps: ActivityDeps) {
  return async function enqueueForRelease({ workAreaId, ...entry }: PoolEntry & { workAreaId: string }): Promise<void> {
    const em = deps.store.em.fork();
    // A retry may follow a call claimed and never sent: it calls regardless.
    const retried = (asyncLocalStorage.getStore()?.info.attempt ?? 1) > 1;
    for (const areaId of (await readCandidateAreas(em, entry.orderId)) ?? [workAreaId]) {
      if (!(await claimCycleCall(em, areaId, deps.clock())) && !retried) continue;
      await callAreaForCycle(deps, areaId, entry);
    }
  };
}

/** Tells the area's controller the order waits in its pool; with start, as an area whose controller is not running yet gets one. */
export async function callAreaForCycle(deps: ActivityDeps, areaId: string, entry: PoolEntry): Promise<void> {
  await deps.temporal.workflow.signalWithStart<typeof areaControllerWorkflow, [PoolEntry]>('areaControllerWorkflow', {
    workflowId: areaWorkflowId(areaId),
    taskQueue: deps.taskQueue,
    args: [{ workAreaId: areaId }],
    signal: enqueueSignal,
    signalArgs: [entry],
  });
}
