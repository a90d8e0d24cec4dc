import type { OrderState, OrderSummary } from '../../../domain/order.ts';

/** States past the work (done, or never to be done): the due time can no longer be missed. */
const PAST_WORK: ReadonlySet<OrderState> = new Set(['completed', 'delivered', 'awaiting_remit', 'closed', 'cancelled', 'rejected', 'split']);

/** Whether the order can still be late; an escalated remit waits on money, not on the floor. */
export function workDone(order: Pick<OrderSummary, 'state' | 'escalation'>): boolean {
  return PAST_WORK.has(order.state) || order.escalation?.from === 'awaiting_remit';
}
