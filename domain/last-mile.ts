import type { OrderKind } from './order.ts';
import type { OrderState } from './lifecycle.ts';

/** The statuses a last-mile dispatcher knows: a view of the delivery kinds' lifecycle states. */
export const LAST_MILE_STATUSES = ['Pending', 'Assigned', 'Picked Up', 'In Transit', 'Delivered', 'Cancelled', 'Returned'] as const;
export type LastMileStatus = (typeof LAST_MILE_STATUSES)[number];

export const DELIVERY_KINDS: readonly OrderKind[] = ['on_demand', 'pickup', 'delivery', 'pickup_delivery'];
export const isDeliveryKind = (kind: OrderKind) => DELIVERY_KINDS.includes(kind);

const BY_STATE: Partial<Record<OrderState, LastMileStatus>> = {
  captured: 'Pending',
  validating: 'Pending',
  on_hold: 'Pending',
  specialist_review: 'Pending',
  queued: 'Pending',
  released: 'Pending',
  assigned: 'Assigned',
  picked_up: 'Picked Up',
  staged: 'Picked Up',
  in_transit: 'In Transit',
  attempt_failed: 'In Transit',
  delivered: 'Delivered',
  awaiting_remit: 'Delivered',
  returned: 'Returned',
  cancelled: 'Cancelled',
  rejected: 'Cancelled',
  split: 'Cancelled',
};

/**
 * The status after a transition to `to`. States that say nothing about where the goods are (escalated,
 * closed) keep the status before them: an order closed after a return stays Returned.
 */
export function nextLastMileStatus(kind: OrderKind, previous: LastMileStatus | null, to: OrderState): LastMileStatus | null {
  if (!isDeliveryKind(kind)) return null;
  return lastMileStatusOf(to) ?? previous ?? 'Pending';
}

/** The status a state says by itself, if it says one. */
export const lastMileStatusOf = (state: OrderState): LastMileStatus | null => BY_STATE[state] ?? null;
