import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { DecisionPointId } from '../domain/decision-points.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { orderWorkflowId, rulesPublishedSignal } from '../workflows/definitions.ts';
import type { ActivityDeps } from './activity-deps.ts';

const PAGE = 500;

/** Signals every queued order's workflow, page by page; a retry resumes after the last page it finished. */
export function notifyWaitingOrdersActivity(deps: ActivityDeps) {
  return async function notifyWaitingOrders(published: { decisionPoint: DecisionPointId; version: number }): Promise<number> {
    const context = Context.current();
    let [cursor = '', sent = 0] = (context.info.heartbeatDetails as [string, number] | undefined) ?? [];
    for (;;) {
      const page = await deps.store.em.fork().find(OrderRecord, { state: 'queued', id: { $gt: cursor } }, { orderBy: { id: 'asc' }, limit: PAGE, fields: ['id'] });
      for (const { id } of page) {
        try {
          await deps.temporal.workflow.getHandle(orderWorkflowId(id)).signal(rulesPublishedSignal, published);
          sent += 1;
        } catch (err) {
          if (!(err instanceof WorkflowNotFoundError)) throw err;
        }
      }
      if (page.length < PAGE) return sent;
      cursor = page.at(-1)!.id;
      context.heartbeat([cursor, sent]);
    }
  };
}
