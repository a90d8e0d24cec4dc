import { ApplicationFailure } from '@temporalio/activity';
import { inTransaction } from '../store/in-transaction.ts';
import { projectTransition, type OrderTransition } from '../store/order-transition.ts';
import { poolWaits } from '../store/release-pool-reads.ts';
import type { areaControllerWorkflow } from '../workflows/area-controller.workflow.ts';
import { areaWorkflowId, capacityFreedSignal, withdrawSignal } from '../workflows/definitions.ts';
import type { ActivityDeps } from './activity-deps.ts';

export interface TransitionRecord extends OrderTransition {
  /** What the area's controller hears once the transition is recorded: a slot given back, or the order gone from the pool. */
  tellArea?: { workAreaId: string; signals: AreaSignal[] };
}

export type AreaSignal = 'capacityFreed' | 'withdraw';
const AREA_SIGNALS = { capacityFreed: capacityFreedSignal, withdraw: withdrawSignal };

/**
 * Projects a transition to the read model and the audit log in one transaction, once per key, then tells
 * the area what it needs to know; a retry tells it again, which costs the area at most a spare cycle.
 */
export function recordTransitionActivity(deps: ActivityDeps) {
  return async function recordTransition(t: TransitionRecord): Promise<void> {
    const outcome = await inTransaction(deps.store.em, (tx) => projectTransition(tx, t, deps.clock()));
    if (outcome === 'no-order') throw ApplicationFailure.nonRetryable(`order ${t.orderId} is not in the store`, 'OrderNotFound');
    if (t.tellArea) await tellArea(deps, t.orderId, t.tellArea);
  };
}

async function tellArea(deps: ActivityDeps, orderId: string, { workAreaId, signals }: NonNullable<TransitionRecord['tellArea']>): Promise<void> {
  // A slot given back matters only to orders waiting for one. Read after the commit, so an order that
  // enters the pool later finds the slot free when its own arrival calls the cycle.
  if (!(await poolWaits(deps.store.em.fork(), workAreaId))) return;
  for (const signal of signals) {
    // With start: an area whose controller is not running (never was, or was terminated) gets one that runs a cycle.
    await deps.temporal.workflow.signalWithStart<typeof areaControllerWorkflow, [{ orderId: string }]>('areaControllerWorkflow', {
      workflowId: areaWorkflowId(workAreaId),
      taskQueue: deps.taskQueue,
      args: [{ workAreaId }],
      signal: AREA_SIGNALS[signal],
      signalArgs: [{ orderId }],
    });
  }
}
