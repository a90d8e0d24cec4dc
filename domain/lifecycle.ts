import { z } from 'zod';
import { ROLES } from './roles.ts';

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

/** States in which an order holds a slot of its work area's capacity (work in process). */
export const IN_PROCESS_STATES: readonly OrderState[] = ['released', 'assigned', 'in_progress', 'picked_up', 'staged', 'in_transit', 'attempt_failed'];

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

/** Whether an order in `state` waits in its area's pool: queued, or escalated while it waited (the area may still release it). */
export const inPool = (state: OrderState, escalation: Escalation | null): boolean => state === 'queued' || (state === 'escalated' && escalation?.from === 'queued');

/** Whether an order in `state` takes a slot of its area: in process, or escalated from there (the slot waits for it). */
export const holdsSlot = (state: OrderState, escalation: Escalation | null): boolean =>
  IN_PROCESS_STATES.includes(state) || (state === 'escalated' && escalation !== null && IN_PROCESS_STATES.includes(escalation.from));

export const HOLD_TYPES = ['credit', 'inventory', 'pricing', 'address', 'manual'] as const;
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
