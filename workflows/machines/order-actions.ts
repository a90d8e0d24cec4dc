import type { Escalation, OrderActionName, OrderState, StatedPriority } from '../../domain/order.ts';
import type { Role } from '../../domain/roles.ts';
import { orderMachine, type OrderMachineEvent } from './order.machine.ts';

/** What a person's action carries besides its name. */
export interface ActionDetails {
  actor: string;
  reason?: string;
  role?: Role;
  statedPriority?: StatedPriority;
}

/** The lifecycle event each human action sends. */
const ACTION_EVENTS: { [A in OrderActionName]: (d: ActionDetails) => OrderMachineEvent } = {
  start: ({ actor, reason }) => ({ type: 'START', actor, ...(reason ? { reason } : {}) }),
  complete: ({ actor, reason }) => ({ type: 'COMPLETE', actor, ...(reason ? { reason } : {}) }),
  escalate: ({ actor, reason, role }) => ({ type: 'ESCALATE', actor, reason: reason ?? 'escalated by a person', role: role ?? 'dispatcher' }),
  resolve: ({ actor, reason }) => ({ type: 'RESOLVE', actor, ...(reason ? { reason } : {}) }),
  cancel: ({ actor, reason }) => ({ type: 'CANCEL', actor, reason: reason ?? 'cancelled by a person' }),
  change_priority: ({ actor, reason, statedPriority }) => ({ type: 'CHANGE_PRIORITY', actor, statedPriority: statedPriority ?? 'normal', ...(reason ? { reason } : {}) }),
};

export const HUMAN_ACTIONS = Object.keys(ACTION_EVENTS) as OrderActionName[];

export function actionEvent(action: OrderActionName, details: ActionDetails): OrderMachineEvent {
  return ACTION_EVENTS[action](details);
}

/**
 * Which human actions the lifecycle allows in a state; the API shows these, the workflow enforces them.
 * An escalated order's escalation says where a person may send it back.
 */
export function allowedActions(state: OrderState, escalation: Escalation | null = null): OrderActionName[] {
  const snapshot = orderMachine.resolveState({ value: state, context: { orderId: '', workAreaId: '', priorityScore: null, escalation } });
  return HUMAN_ACTIONS.filter((action) => snapshot.can(actionEvent(action, { actor: 'nobody' })));
}

export function refusalMessage(action: OrderActionName, state: OrderState, escalation: Escalation | null = null): string {
  const allowed = allowedActions(state, escalation);
  const now = allowed.length > 0 ? `Allowed now: ${allowed.join(', ')}.` : 'No action is allowed in this state.';
  return `Action "${action}" is not allowed while the order is ${state.replace('_', ' ')}. ${now}`;
}
