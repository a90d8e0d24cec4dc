import type { Hold, HoldType } from '../../domain/lifecycle.ts';
import type { OrderEventType } from './order-events.ts';

/**
 * The transitions each hold type stops until it is released. Exceptions stay open under every hold
 * (escalate, cancel, return, reassign, a failed attempt): a hold must never trap an order.
 */
export const HOLD_BLOCKS: Record<HoldType, readonly OrderEventType[]> = {
  credit: ['APPROVE', 'FORCE_RELEASE', 'START', 'PICK_UP', 'CONFIRM_REMIT'],
  inventory: ['APPROVE', 'FORCE_RELEASE', 'START', 'PICK_UP'],
  pricing: ['APPROVE', 'FORCE_RELEASE', 'START', 'PICK_UP', 'CONFIRM_REMIT'],
  address: ['APPROVE', 'FORCE_RELEASE', 'PICK_UP', 'DEPART', 'DELIVER'],
  manual: ['APPROVE', 'FORCE_RELEASE', 'START', 'COMPLETE', 'PICK_UP', 'STAGE', 'DEPART', 'DELIVER', 'CONFIRM_REMIT'],
};

/** The first hold that stops an event, or null. */
export function blockingHold(holds: readonly Hold[], event: OrderEventType): Hold | null {
  return holds.find((h) => HOLD_BLOCKS[h.type].includes(event)) ?? null;
}
