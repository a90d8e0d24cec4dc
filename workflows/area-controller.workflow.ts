import { allHandlersFinished, condition, continueAsNew, getExternalWorkflowHandle, log, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { OrderActivities } from '../activities/index.ts';
import { capacityFreedSignal, enqueueSignal, forceReleaseSignal, orderWorkflowId, releaseSignal, rerankSignal, withdrawSignal } from './definitions.ts';
import { pickReleases, type PoolEntry } from './release-pool.ts';

export interface AreaControllerInput {
  workAreaId: string;
  pool?: PoolEntry[];
  inProcess?: string[];
}

const { loadWorkArea } = proxyActivities<OrderActivities>({ startToCloseTimeout: '10 seconds' });

/**
 * One controller per work area owns the area's pool and its work in process. Temporal runs a workflow's
 * code one task at a time, so every release decision sees every earlier one: the WIP limit holds however
 * many workers, API processes or concurrent orders there are.
 */
export async function areaControllerWorkflow(input: AreaControllerInput): Promise<void> {
  let pool: PoolEntry[] = input.pool ?? [];
  const inProcess = new Set(input.inProcess ?? []);

  setHandler(enqueueSignal, (entry) => {
    if (inProcess.has(entry.orderId) || pool.some((e) => e.orderId === entry.orderId)) return;
    pool.push(entry);
  });
  setHandler(capacityFreedSignal, ({ orderId }) => {
    inProcess.delete(orderId);
  });
  // Also frees a slot the area released to the order while it was cancelling, so no slot leaks.
  setHandler(withdrawSignal, ({ orderId }) => {
    pool = pool.filter((e) => e.orderId !== orderId);
    inProcess.delete(orderId);
  });
  // A dispatcher's audited override: the order is in process now, even past the limit; releases wait until WIP is under it again.
  setHandler(forceReleaseSignal, ({ orderId }) => {
    pool = pool.filter((e) => e.orderId !== orderId);
    inProcess.add(orderId);
  });
  setHandler(rerankSignal, ({ orderId, priorityScore }) => {
    pool = pool.map((e) => (e.orderId === orderId ? { ...e, priorityScore } : e));
  });

  const area = await loadWorkArea(input.workAreaId);
  for (;;) {
    await condition(() => (pool.length > 0 && inProcess.size < area.wipLimit) || workflowInfo().continueAsNewSuggested);
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof areaControllerWorkflow>({ workAreaId: input.workAreaId, pool, inProcess: [...inProcess] });
    }
    const releases = pickReleases(pool, inProcess.size, area.wipLimit);
    for (const entry of releases) {
      pool = pool.filter((e) => e.orderId !== entry.orderId);
      inProcess.add(entry.orderId);
    }
    // The slots are taken before any signal goes out, so the signals can all be in flight at once.
    await Promise.all(
      releases.map(async (entry) => {
        try {
          await getExternalWorkflowHandle(orderWorkflowId(entry.orderId)).signal(releaseSignal, { workAreaId: input.workAreaId });
        } catch (err) {
          // The order's workflow is gone (terminated by hand): its slot must not stay taken.
          inProcess.delete(entry.orderId);
          log.warn('release signal failed; slot freed', { orderId: entry.orderId, error: String(err) });
        }
      }),
    );
  }
}
