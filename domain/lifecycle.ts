import { z } from 'zod';
import { HOLD_TYPES } from './lifecycle-states.ts';
import { ROLES } from './roles.ts';

export { HOLD_TYPES, IN_PROCESS_STATES, holdsSlot, inPool } from './lifecycle-states.ts';

/** Every state an order can be in, across all order kinds (each kind's machine uses a subset). */
export const ORDER_STATES = [
  'captured',
  'validating',
  'on_hold',
  'specialist_review',
  'rejected',
  'queued',
  'released',
  'assigned',
  'in_progress',
  'completed',
  'picked_up',
  'staged',
  'in_transit',
  'attempt_failed',
  'delivered',
  'awaiting_remit',
  'returned',
  'escalated',
  'cancelled',
  'split',
  'closed',
] as const;
export const orderState = z.enum(ORDER_STATES);
export type OrderState = z.infer<typeof orderState>;

/** The active states an order may be escalated from, by a person or a breached deadline. */
export const ESCALATABLE_STATES = [
  'validating',
  'on_hold',
  'specialist_review',
  'queued',
  'released',
  'assigned',
  'in_progress',
  'picked_up',
  'staged',
  'in_transit',
  'attempt_failed',
  'returned',
  'awaiting_remit',
] as const satisfies readonly OrderState[];
export type EscalatableState = (typeof ESCALATABLE_STATES)[number];
export const escalation = z.object({ reason: z.string(), role: z.enum(ROLES), from: z.enum(ESCALATABLE_STATES) });
export type Escalation = z.infer<typeof escalation>;

export const holdType = z.enum(HOLD_TYPES);
export type HoldType = z.infer<typeof holdType>;
export const hold = z.object({ type: holdType, reason: z.string(), placedBy: z.string() });
export type Hold = z.infer<typeof hold>;

export const PAYMENT_MODES = ['prepaid', 'credit_terms', 'cod'] as const;
export const paymentMode = z.enum(PAYMENT_MODES);
export type PaymentMode = z.infer<typeof paymentMode>;

export const RETURN_REASONS = ['customer_refused', 'address_wrong', 'damaged', 'not_home', 'other'] as const;
export const returnReason = z.enum(RETURN_REASONS);
export type ReturnReason = z.infer<typeof returnReason>;

/** Actions a person may take on an order; each maps to a lifecycle event. */
export const ORDER_ACTIONS = [
  'claim',
  'unclaim',
  'approve',
  'reject',
  'split',
  'hold',
  'release_hold',
  'force_release',
  'reassign',
  'start',
  'complete',
  'pick_up',
  'stage',
  'depart',
  'deliver',
  'fail_attempt',
  'return',
  'confirm_remit',
  'escalate',
  'resolve',
  'cancel',
  'change_priority',
] as const;
export const orderActionName = z.enum(ORDER_ACTIONS);
export type OrderActionName = z.infer<typeof orderActionName>;
