import { log } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';
import { orderWorkflowId, releaseEscalationSignal, releaseSignal, stockShortSignal } from '../workflows/definitions.ts';
import type { ActivityDeps } from './activity-deps.ts';
import type { ReleaseCycleResult } from './run-release-cycle.ts';

/**
 * Tells a cycle's orders what it decided for them: released (with the pool stay it saw), escalated to a
 * person, or held for the stock it could not reserve at release. After the cycle's commit, so no order hears of a slot that is not reserved for it. An order whose
 * workflow is gone (terminated by hand) keeps its reserved slot, so the limit holds; it is logged.
 */
export async function tellOrders(deps: ActivityDeps, workAreaId: string, cycle: ReleaseCycleResult): Promise<void> {
  const tell = async (orderId: string, send: (handle: ReturnType<ActivityDeps['temporal']['workflow']['getHandle']>) => Promise<void>) => {
    try {
      await send(deps.temporal.workflow.getHandle(orderWorkflowId(orderId)));
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      log.warn('release cycle could not reach an order', { orderId, cycleId: cycle.cycleId, error: String(err) });
    }
  };
  await Promise.all([
    ...cycle.release.map(({ orderId, queuedAt, workAreaId: gateway }) => tell(orderId, (h) => h.signal(releaseSignal, { workAreaId: gateway ?? workAreaId, queuedAt }))),
    ...cycle.escalate.map(({ orderId, reason, role }) => tell(orderId, (h) => h.signal(releaseEscalationSignal, { reason, role }))),
    ...(cycle.hold ?? []).map(({ orderId, reason }) => tell(orderId, (h) => h.signal(stockShortSignal, { reason }))),
  ]);
}
