import { allHandlersFinished, condition, continueAsNew, getExternalWorkflowHandle, log, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { OrderActivities } from '../activities/index.ts';
import { isInShift } from '../domain/shift-calendar.ts';
import type { WorkArea } from '../domain/work-area.ts';
import { areaChangedSignal, capacityFreedSignal, enqueueSignal, forceReleaseSignal, orderWorkflowId, releaseSignal, rerankSignal, withdrawSignal } from './definitions.ts';
import { nextFits, pickReleases, type PoolEntry } from './release-pool.ts';

export interface AreaControllerInput {
  workAreaId: string;
  pool?: PoolEntry[];
  /** Orders in process with the weight each holds against the limit (1, or its units); plain ids from runs before units. */
  inProcess?: ([string, number] | string)[];
}

const { loadWorkArea } = proxyActivities<OrderActivities>({ startToCloseTimeout: '10 seconds' });

/** While work waits in a closed area, the controller looks again this often: a shift may have begun. */
const SHIFT_TICK = '1 minute';

/**
 * One controller per work area owns the area's pool and its work in process. Temporal runs a workflow's
 * code one task at a time, so every release decision sees every earlier one: the WIP limit holds however
 * many workers, API processes or concurrent orders there are. A paused or stopped area, or one outside its
 * shift, releases nothing; its waiting orders keep their own escalation deadlines.
 */
export async function areaControllerWorkflow(input: AreaControllerInput): Promise<void> {
  let pool: PoolEntry[] = input.pool ?? [];
  const inProcess = new Map<string, number>((input.inProcess ?? []).map((e) => (typeof e === 'string' ? [e, 1] : e)));
  let area: WorkArea = await loadWorkArea(input.workAreaId);
  let changed = false;

  const weight = (entry: PoolEntry) => (area.capacity.unit === 'units' ? (entry.units ?? 1) : 1);
  const used = () => [...inProcess.values()].reduce((sum, w) => sum + w, 0);
  const working = () => area.status === 'open' && isInShift(area.shiftCalendar, area.timeZone, new Date());
  // Work waits when the best-ranked order fits (in units, it may not fit yet).
  const waiting = () => nextFits(pool, used(), area.capacity.wipLimit, weight);

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
    const entry = pool.find((e) => e.orderId === orderId);
    pool = pool.filter((e) => e.orderId !== orderId);
    inProcess.set(orderId, entry ? weight(entry) : 1);
  });
  setHandler(rerankSignal, ({ orderId, priorityScore }) => {
    pool = pool.map((e) => (e.orderId === orderId ? { ...e, priorityScore } : e));
  });
  // Status, limit or shift calendar changed: read the area again before the next release.
  setHandler(areaChangedSignal, () => {
    changed = true;
  });

  for (;;) {
    const ready = () => changed || workflowInfo().continueAsNewSuggested || (working() && waiting());
    if (waiting() && !working()) await condition(ready, SHIFT_TICK);
    else await condition(ready);
    if (changed) {
      changed = false;
      area = await loadWorkArea(input.workAreaId);
      continue;
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof areaControllerWorkflow>({ workAreaId: input.workAreaId, pool, inProcess: [...inProcess] });
    }
    if (!waiting() || !working()) continue;
    const releases = pickReleases(pool, used(), area.capacity.wipLimit, weight);
    for (const entry of releases) {
      pool = pool.filter((e) => e.orderId !== entry.orderId);
      inProcess.set(entry.orderId, weight(entry));
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
