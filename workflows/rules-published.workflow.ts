import { proxyActivities, sleep } from '@temporalio/workflow';
import type { OrderActivities } from '../activities/index.ts';
import type { DecisionPointId } from '../domain/decision-points.ts';

export interface RulesPublishedInput {
  decisionPoint: DecisionPointId;
  version: number;
  effectiveFrom: string | null;
}

const { notifyWaitingOrders, notifyRunningDeadlines } = proxyActivities<OrderActivities>({ startToCloseTimeout: '30 minutes', heartbeatTimeout: '1 minute' });
const { requestReleaseCycles } = proxyActivities<OrderActivities>({ startToCloseTimeout: '5 minutes' });

/**
 * Once new rules are in force: new priority rules are told to the waiting orders whose score they change,
 * new escalation rules to the orders whose deadline is running; new priority or release rules change what
 * a release cycle decides, so every area runs one. An order acts only on priority, so release rules need no
 * signal per order.
 */
export async function rulesPublishedWorkflow(input: RulesPublishedInput): Promise<number> {
  if (input.effectiveFrom) await sleep(Math.max(0, Date.parse(input.effectiveFrom) - Date.now()));
  const notified =
    input.decisionPoint === 'priority'
      ? await notifyWaitingOrders({ decisionPoint: input.decisionPoint, version: input.version })
      : input.decisionPoint === 'escalation'
        ? await notifyRunningDeadlines({ version: input.version })
        : 0;
  if (input.decisionPoint === 'priority' || input.decisionPoint === 'release') await requestReleaseCycles({ trigger: 'rules_published' });
  return notified;
}
