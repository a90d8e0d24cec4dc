import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { DecisionPointId } from '../domain/decision-points.ts';
import { priorityFacts } from '../rules/priority-facts.ts';
import { readQueuedPage } from '../store/queued-orders-page.ts';
import { publishedRulesets } from '../store/rulesets.ts';
import { orderWorkflowId, rulesPublishedSignal } from '../workflows/definitions.ts';
import type { ActivityDeps } from './activity-deps.ts';
import { compiledRulesets } from './compiled-rulesets.ts';

const PAGE = 500;

/**
 * Signals the queued orders whose effective priority the priority rules in force change, page by page; a
 * retry resumes after the last page it finished. A signal makes the order decide its priority again (a stored
 * decision and a REPRIORITIZED transition), which would only repeat the score it has for the others.
 */
export function notifyWaitingOrdersActivity(deps: ActivityDeps) {
  const compiledFor = compiledRulesets();
  const inForce = publishedRulesets();
  return async function notifyWaitingOrders(published: { decisionPoint: DecisionPointId; version: number }): Promise<number> {
    const context = Context.current();
    let [cursor = '', sent = 0] = (context.info.heartbeatDetails as [string, number] | undefined) ?? [];
    for (;;) {
      const em = deps.store.em.fork();
      const now = deps.clock();
      const ruleset = await inForce(em, 'priority', now);
      if (!ruleset) return sent;
      const score = compiledFor(ruleset).score;
      const page = await readQueuedPage(em, cursor, PAGE);
      for (const order of page) {
        if (order.decidedScore !== null && score(priorityFacts(order, now)) === order.decidedScore) continue;
        try {
          await deps.temporal.workflow.getHandle(orderWorkflowId(order.id)).signal(rulesPublishedSignal, published);
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
