import type { AccountOnFile } from './account-facts.ts';
import type { PriorityFactsInput } from './priority-facts.ts';

const DAY_MS = 86_400_000;

export interface ReturnedGoods {
  /** In cents, as the RMA keeps money. */
  valueCents: number;
  reason: string;
  lineCount: number;
  /** When the order was delivered or completed; null when its history does not say. */
  deliveredAt: Date | null;
}

/** The facts the rma decision point offers: the return's value in currency units (as orderValue is), and the account's standing. */
export function rmaFacts(order: Pick<PriorityFactsInput, 'accountTier'> & { accountOnFile?: AccountOnFile | null }, returned: ReturnedGoods, now: Date): Record<string, unknown> {
  return {
    returnValue: returned.valueCents / 100,
    reason: returned.reason,
    lineCount: returned.lineCount,
    ...(order.accountTier ? { accountTier: order.accountTier } : {}),
    ...(order.accountOnFile ? { majorAccount: order.accountOnFile.majorAccount } : {}),
    ...(returned.deliveredAt ? { daysSinceDelivery: Math.floor((now.getTime() - returned.deliveredAt.getTime()) / DAY_MS) } : {}),
  };
}
