import { allHandlersFinished, condition, continueAsNew, getExternalWorkflowHandle, log, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { OrderActivities } from '../activities/index.ts';
import type { ReleaseCycleResult } from '../activities/run-release-cycle.ts';
import { WAKES_PERIODIC, type CycleTrigger } from '../domain/cycle-trigger.ts';
import {
  areaChangedSignal,
  capacityFreedSignal,
  cycleRequestSignal,
  enqueueSignal,
  forceReleaseSignal,
  orderWorkflowId,
  releaseEscalationSignal,
  releaseSignal,
  rerankSignal,
  withdrawSignal,
} from './definitions.ts';

export interface AreaControllerInput {
  workAreaId: string;
  /** Triggers that arrived while the previous run was continuing as new. */
  pending?: CycleTrigger[];
}

const { runReleaseCycle } = proxyActivities<OrderActivities>({
  // Short: a cycle of a 100,000-order pool takes about a second, and a cycle lost with its worker stalls the area until this runs out.
  startToCloseTimeout: '15 seconds',
  // A conflicting cycle is retried at once: it only lost a race with the cycle that committed first.
  retry: { initialInterval: '100 milliseconds', maximumInterval: '5 seconds' },
});

/** While orders wait, a cycle runs at least this often: a shift may begin, priorities age, a rule may let go. */
const WAITING_TICK = '1 minute';
/** The periodic tick of an area with nothing waiting. */
const IDLE_TICK = '15 minutes';

/** Marks controllers that skip a cycle for freed capacity when nothing waits; older histories ran one. */
export const SKIP_IDLE_FREED_PATCH = 'skip-idle-freed-cycles';

/**
 * Marks controllers whose cycle activity tells the orders itself, with plain signals after its commit: a
 * signal from the workflow costs the server twice as much and the controller's history two events per order.
 */
export const CYCLE_TELLS_ORDERS_PATCH = 'cycle-tells-orders';

/** Freed capacity matters only to orders that wait: with none owed a cycle, one would release nothing. */
const nothingToFree = (batch: readonly CycleTrigger[], waiting: number | null) => waiting === 0 && batch.every((t) => t === 'capacity_freed');

/**
 * One controller per work area runs its release cycles, one at a time, when something changes (an order
 * queued, capacity freed, the area changed, rules published, a priority restated) and on a periodic tick;
 * an area released periodically runs them on its period instead, on a durable timer.
 * The pool and the slots live in the store; a cycle (an activity) reserves the slots it releases in the
 * same transaction that reads them, and only then does the controller tell the orders. Triggers arriving
 * during a cycle are batched into the next one.
 */
export async function areaControllerWorkflow(input: AreaControllerInput): Promise<void> {
  const { workAreaId } = input;
  const triggers = new Set<CycleTrigger>(input.pending?.length ? input.pending : ['started']);
  setHandler(enqueueSignal, () => void triggers.add('order_queued'));
  setHandler(capacityFreedSignal, () => void triggers.add('capacity_freed'));
  setHandler(withdrawSignal, () => void triggers.add('capacity_freed'));
  setHandler(rerankSignal, () => void triggers.add('reranked'));
  setHandler(areaChangedSignal, () => void triggers.add('area_changed'));
  setHandler(cycleRequestSignal, ({ trigger }) => void triggers.add(trigger));
  // A forced release is recorded by the order itself, slot included; it frees nothing, so no cycle is due.
  setHandler(forceReleaseSignal, () => undefined);

  // Unknown until this run's first cycle: a run continued as new may inherit orders that wait.
  let waiting: number | null = null;
  // A periodic area's next period as a workflow time, from its last cycle's answer; null: continuous. Histories
  // from before periodic release never carry one, so they replay as they ran without a patch.
  let nextPeriodAt: number | null = null;
  for (;;) {
    const periodic = nextPeriodAt;
    // Periodically, changes wait for the period (they are batched into its cycle); only a change of the area wakes it early.
    const due = periodic === null ? () => triggers.size > 0 : () => WAKES_PERIODIC.some((t) => triggers.has(t));
    const timeout = periodic === null ? ((waiting ?? 0) > 0 ? WAITING_TICK : IDLE_TICK) : Math.max(1, periodic - Date.now());
    const signalled = await condition(() => due() || workflowInfo().continueAsNewSuggested, timeout);
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof areaControllerWorkflow>({ workAreaId, pending: [...triggers] });
    }
    if (!signalled) triggers.add(periodic === null ? 'tick' : 'period');
    const batch = [...triggers];
    triggers.clear();
    if (nothingToFree(batch, waiting) && patched(SKIP_IDLE_FREED_PATCH)) continue;
    const tellsOrders = patched(CYCLE_TELLS_ORDERS_PATCH);
    const cycle = await runReleaseCycle({ workAreaId, triggers: batch, ...(tellsOrders ? { tellOrders: true } : {}) });
    waiting = cycle.waiting;
    nextPeriodAt = cycle.nextCycleInMs === undefined ? null : Date.now() + cycle.nextCycleInMs;
    if (!tellsOrders) await tellFromWorkflow(workAreaId, cycle);
  }
}

/** How controllers started before CYCLE_TELLS_ORDERS_PATCH tell a cycle's orders, kept for their replays. */
async function tellFromWorkflow(workAreaId: string, cycle: ReleaseCycleResult): Promise<void> {
  const tell = async (orderId: string, send: (h: ReturnType<typeof getExternalWorkflowHandle>) => Promise<void>) => {
    try {
      await send(getExternalWorkflowHandle(orderWorkflowId(orderId)));
    } catch (err) {
      // The order's workflow is gone (terminated by hand); its reserved slot stays taken, so the limit holds.
      log.warn('release cycle could not reach an order', { orderId, cycleId: cycle.cycleId, error: String(err) });
    }
  };
  await Promise.all([
    ...cycle.release.map(({ orderId, queuedAt }) => tell(orderId, (h) => h.signal(releaseSignal, { workAreaId, queuedAt }))),
    ...cycle.escalate.map(({ orderId, reason, role }) => tell(orderId, (h) => h.signal(releaseEscalationSignal, { reason, role }))),
  ]);
}
