import type { OrderActionRequest, OrderListItem } from '../../domain/order.ts';
import type { Role } from '../../domain/roles.ts';
import type { DemoIntent } from './demo-operation.ts';

/** One action (or a routing step reported done) to send for an order, as whom, and the intent the order has once it is taken. */
export type DemoStep = ({ request: OrderActionRequest } | { operation: number }) & { role: Role; then: DemoIntent };

const DELIVERY_PATH: Partial<Record<string, DemoIntent[]>> = {
  // How far along the road each intent takes a delivery: the intents that go past a state.
  assigned: ['pick_up', 'transit', 'deliver', 'remit', 'fail', 'return'],
  picked_up: ['transit', 'deliver', 'remit', 'fail', 'return'],
  staged: ['transit', 'deliver', 'remit', 'fail', 'return'],
};

/**
 * The next action a person or driver would take on the order to carry out its intent, or null when the
 * order is where its intent leaves it (or waits for the system: intake, a release, an assignment).
 * Escalating and returning happen once: the step's `then` is 'wait'. Work left in progress on a routing of
 * several steps has its first step done, so the next area sees it arrive (its direct load).
 */
export function nextDemoStep(order: Pick<OrderListItem, 'state' | 'kind' | 'paymentMode' | 'escalation' | 'routing'>, intent: DemoIntent, amountDue: number): DemoStep | null {
  const as = (request: OrderActionRequest, role: Role = 'dispatcher', then: DemoIntent = intent): DemoStep => ({ request, role, then });
  const { state } = order;
  if (intent === 'escalate' && (state === 'queued' || state === 'assigned')) return as({ action: 'escalate', reason: 'The customer called twice about it.' }, 'dispatcher', 'wait');
  if (intent === 'cancel' && state === 'queued') return as({ action: 'cancel', reason: 'The customer cancelled.' }, 'dispatcher', 'wait');
  if (order.kind === 'pick' || order.kind === 'production') {
    if (state === 'assigned' && (intent === 'work' || intent === 'finish')) return as({ action: 'start' });
    if (state === 'in_progress' && intent === 'finish') return as({ action: 'complete' });
    if (state === 'in_progress' && intent === 'work' && order.routing.length > 1) return { operation: 1, role: 'dispatcher', then: 'wait' };
    return null;
  }
  if (DELIVERY_PATH[state]?.includes(intent)) {
    if (state === 'assigned') return as({ action: 'pick_up' });
    return as({ action: state === 'picked_up' && order.kind === 'pickup_delivery' ? 'stage' : 'depart' });
  }
  if (state === 'in_transit') {
    if (intent === 'deliver' || intent === 'remit') return as({ action: 'deliver', ...(order.paymentMode === 'cod' ? { amount: amountDue } : {}) });
    if (intent === 'fail') return as({ action: 'fail_attempt', reason: 'Nobody at home.' }, 'dispatcher', 'wait');
    if (intent === 'return') return as({ action: 'return', returnReason: 'customer_refused', reason: 'The customer refused the delivery.' }, 'dispatcher', 'wait');
  }
  if (state === 'awaiting_remit' && intent === 'remit') return as({ action: 'confirm_remit', amount: amountDue }, 'finance');
  return null;
}
