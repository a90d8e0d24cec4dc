import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';
import { readRunningDeadlinesPage } from '../store/running-deadlines-page.ts';
import { orderWorkflowId, rulesPublishedSignal } from '../workflows/definitions.ts';
import type { ActivityDeps } from './activity-deps.ts';

const PAGE = 500;

/**
 * Signals the orders whose escalation deadline is running, page by page; a retry resumes after the last
 * page it finished. A signal makes the order decide its deadline again under the rules in force.
 */
export function notifyRunningDeadlinesActivity(deps: ActivityDeps) {
  return async function notifyRunningDeadlines(published: { version: number }): Promise<number> {
    const context = Context.current();
    let [cursor = '', sent = 0] = (context.info.heartbeatDetails as [string, number] | undefined) ?? [];
    for (;;) {
      const { ids, next } = await readRunningDeadlinesPage(deps.store.em.fork(), cursor, PAGE);
      for (const id of ids) {
        try {
          await deps.temporal.workflow.getHandle(orderWorkflowId(id)).signal(rulesPublishedSignal, { decisionPoint: 'escalation', version: published.version });
          sent += 1;
        } catch (err) {
          if (!(err instanceof WorkflowNotFoundError)) throw err;
        }
      }
      if (next === null) return sent;
      cursor = next;
      context.heartbeat([cursor, sent]);
    }
  };
}
