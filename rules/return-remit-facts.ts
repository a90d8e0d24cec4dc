import { priorityFacts, type PriorityFactsInput } from './priority-facts.ts';

/** The facts the return decision point offers. */
export function returnFacts(order: PriorityFactsInput, returned: { returnReason: string; attempts: number }, now: Date): Record<string, unknown> {
  const { kind, orderValue } = priorityFacts(order, now);
  return { kind, orderValue, returnReason: returned.returnReason, attempts: returned.attempts };
}

/**
 * The facts the remit decision point offers. A cash-on-delivery order is expected to bring in its value;
 * the amount collected is what the driver reported on delivery (missing if nobody reported it).
 */
export function remitFacts(order: PriorityFactsInput & { paymentMode: string }, amountCollected: number | null, now: Date): Record<string, unknown> {
  const amountExpected = order.paymentMode === 'cod' ? priorityFacts(order, now).orderValue : 0;
  const collected = amountCollected === null ? {} : { amountCollected, variance: Math.round((amountCollected - amountExpected) * 100) / 100 };
  return { paymentMode: order.paymentMode, amountExpected, ...collected };
}
