import { proxyActivities, sleep } from '@temporalio/workflow';
import type { OrderActivities } from '../activities/index.ts';
import type { DecisionPointId } from '../domain/decision-points.ts';

export interface RulesPublishedInput {
  decisionPoint: DecisionPointId;
  version: number;
  effectiveFrom: string | null;
}

const { notifyWaitingOrders } = proxyActivities<OrderActivities>({ startToCloseTimeout: '30 minutes', heartbeatTimeout: '1 minute' });

/** Tells every order still waiting for release that new rules are in force, once they are. */
export async function rulesPublishedWorkflow(input: RulesPublishedInput): Promise<number> {
  if (input.effectiveFrom) await sleep(Math.max(0, Date.parse(input.effectiveFrom) - Date.now()));
  return notifyWaitingOrders({ decisionPoint: input.decisionPoint, version: input.version });
}
