import { proxyActivities, sleep } from '@temporalio/workflow';
import type { OrderActivities } from '../activities/index.ts';
import type { DecisionPointId } from '../domain/decision-points.ts';

export interface RulesPublishedInput {
  decisionPoint: DecisionPointId;
  version: number;
  effectiveFrom: string | null;
}

const { notifyWaitingOrders } = proxyActivities<OrderActivities>({ startToCloseTimeout: '30 minutes', heartbeatTimeout: '1 minute' });
const { requestReleaseCycles } = proxyActivities<OrderActivities>({ startToCloseTimeout: '5 minutes' });

/**
 * Tells every order still waiting for release that new rules are in force, once they are; new priority or
 * release rules change what a release cycle decides, so every area runs one.
 */
export async function rulesPublishedWorkflow(input: RulesPublishedInput): Promise<number> {
  if (input.effectiveFrom) await sleep(Math.max(0, Date.parse(input.effectiveFrom) - Date.now()));
  const notified = await notifyWaitingOrders({ decisionPoint: input.decisionPoint, version: input.version });
  if (input.decisionPoint === 'priority' || input.decisionPoint === 'release') await requestReleaseCycles({ trigger: 'rules_published' });
  return notified;
}
