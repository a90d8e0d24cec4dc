import type { Escalation, Hold, OrderState } from './lifecycle.ts';

/** What the store's read model shows of an order, as its workflow knows it: a restored store is brought forward to it. */
export interface OrderSnapshot {
  state: OrderState;
  workAreaId: string;
  priorityScore: number | null;
  escalation: Escalation | null;
  holds: Hold[];
  assignee: string | null;
  /** When the order last entered its area's pool. */
  poolEnteredAt: string | null;
}
