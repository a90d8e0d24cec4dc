import type { OrderActionName, OrderState } from '../../domain/order.ts';
import { orderMachine, type OrderMachineEvent } from './order.machine.ts';

/** The lifecycle event each human action sends. */
const ACTION_EVENTS = {
  start: 'START',
  complete: 'COMPLETE',
} as const satisfies Record<OrderActionName, OrderMachineEvent['type']>;

export const HUMAN_ACTIONS = Object.keys(ACTION_EVENTS) as OrderActionName[];

export function actionEvent(action: OrderActionName, actor: string, reason?: string): OrderMachineEvent {
  return { type: ACTION_EVENTS[action], actor, ...(reason ? { reason } : {}) };
}

/** Which human actions the lifecycle allows in a state; the API shows these, the workflow enforces them. */
export function allowedActions(state: OrderState): OrderActionName[] {
  const snapshot = orderMachine.resolveState({ value: state, context: { orderId: '', workAreaId: '', priorityScore: null } });
  return HUMAN_ACTIONS.filter((action) => snapshot.can(actionEvent(action, 'nobody')));
}

export function refusalMessage(action: OrderActionName, state: OrderState): string {
  const allowed = allowedActions(state);
  const now = allowed.length > 0 ? `Allowed now: ${allowed.join(', ')}.` : 'No action is allowed in this state.';
  return `Action "${action}" is not allowed while the order is ${state.replace('_', ' ')}. ${now}`;
}
