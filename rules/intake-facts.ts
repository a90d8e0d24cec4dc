import type { IntakeChecks } from '../domain/order.ts';
import { accountCreditFacts, type AccountOnFile } from './account-facts.ts';
import { priorityFacts, type PriorityFactsInput } from './priority-facts.ts';

export type IntakeFactsInput = PriorityFactsInput & {
  paymentMode: string;
  checks?: IntakeChecks | null;
  /** A cash-on-delivery order's cash to collect, when it is not the order's value (the remit decision reads it). */
  codAmount?: number | null;
  /** The order's account, when it is on file. */
  accountOnFile?: AccountOnFile | null;
};

/**
 * The facts the intake decision point offers. What the capturing system did not say stays missing. An
 * account on file speaks for its credit: the payload's creditBalance and creditLimit are then not read.
 */
export function intakeFacts(order: IntakeFactsInput, now: Date): Record<string, unknown> {
  const { kind, statedPriority, orderValue, dueAt, lineCount, accountTier } = priorityFacts(order, now);
  return {
    kind,
    statedPriority,
    orderValue,
    dueAt,
    lineCount,
    paymentMode: order.paymentMode,
    ...(accountTier ? { accountTier } : {}),
    ...order.checks,
    ...(order.accountOnFile ? accountCreditFacts(order.accountOnFile) : {}),
  };
}
