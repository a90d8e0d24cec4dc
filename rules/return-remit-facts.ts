import { priorityFacts, type PriorityFactsInput } from './priority-facts.ts';

/** The facts the return decision point offers. */
export function returnFacts(order: PriorityFactsInput, returned: { returnReason: string; attempts: number }, now: Date): Record<string, unknown> {
  const { kind, orderValue } = priorityFacts(order, now);
  return { kind, orderValue, returnReason: returned.returnReason, attempts: returned.attempts };
}

/** The remit history of the driver who has the order: remittances still open now, and remits with a variance in the last 30 days. */
export interface DriverRemitHistory {
  openRemits: number;
  variances30d: number;
}

/**
 * The facts the remit decision point offers. A cash-on-delivery order is expected to bring in its COD amount,
 * or its value when it names none;
 * the amount collected is what the driver reported on delivery (missing if nobody reported it), and the
 * driver's history is missing for an order nobody was assigned.
 */
export function remitFacts(order: PriorityFactsInput & { paymentMode: string; codAmount?: number | null }, amountCollected: number | null, driver: DriverRemitHistory | null, now: Date): Record<string, unknown> {
  const amountExpected = order.paymentMode !== 'cod' ? 0 : (order.codAmount ?? priorityFacts(order, now).orderValue);
  const collected = amountCollected === null ? {} : { amountCollected, variance: Math.round((amountCollected - amountExpected) * 100) / 100 };
  const history = driver ? { driverOpenRemits: driver.openRemits, driverVariances30d: driver.variances30d } : {};
  return { paymentMode: order.paymentMode, amountExpected, ...collected, ...history };
}
