import { z } from 'zod';
import { decision } from './decision.ts';
import { ROLES } from './roles.ts';

export const ORDER_KINDS = ['production', 'pick', 'on_demand', 'pickup', 'delivery', 'pickup_delivery'] as const;
export const STATED_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const ORDER_STATES = ['captured', 'queued', 'released', 'in_progress', 'escalated', 'completed', 'cancelled'] as const;
/** Actions a person may take on an order; each maps to a lifecycle event. */
export const ORDER_ACTIONS = ['start', 'complete', 'escalate', 'resolve', 'cancel', 'change_priority'] as const;

export const orderKind = z.enum(ORDER_KINDS);
export const statedPriority = z.enum(STATED_PRIORITIES);
export const orderState = z.enum(ORDER_STATES);
export const orderActionName = z.enum(ORDER_ACTIONS);
export type OrderKind = z.infer<typeof orderKind>;
export type StatedPriority = z.infer<typeof statedPriority>;
export type OrderState = z.infer<typeof orderState>;
export type OrderActionName = z.infer<typeof orderActionName>;

/** The states an order may be escalated from, and is sent back to when a person resolves it. */
export const ESCALATABLE_STATES = ['queued', 'released', 'in_progress'] as const;
export const escalation = z.object({ reason: z.string(), role: z.enum(ROLES), from: z.enum(ESCALATABLE_STATES) });
export type Escalation = z.infer<typeof escalation>;
export type EscalatableState = Escalation['from'];

export const orderLine = z.strictObject({
  sku: z.string().trim().min(1, 'sku is required'),
  qty: z.number().int('qty must be a whole number').positive('qty must be at least 1'),
  price: z.number().nonnegative('price cannot be negative'),
});

/** What an integration posts to `POST /orders`. */
export const newOrder = z.strictObject({
  reference: z.string().trim().min(1).max(64).optional(),
  account: z.string().trim().min(1, 'account is required'),
  kind: orderKind.default('pick'),
  statedPriority: statedPriority.default('normal'),
  dueAt: z.iso.datetime({ offset: true, message: 'dueAt must be an ISO 8601 date-time, e.g. 2026-11-21T14:00:00Z' }),
  workAreaId: z.string().trim().min(1).optional(),
  lines: z.array(orderLine).min(1, 'an order needs at least one line'),
});
export type NewOrder = z.infer<typeof newOrder>;

export const orderActionRequest = z
  .strictObject({
    action: orderActionName,
    reason: z.string().trim().max(500).optional(),
    /** For `escalate`: whose queue the order goes to (a dispatcher's by default). */
    role: z.enum(ROLES).optional(),
    /** For `change_priority`: the priority the requester now states. */
    statedPriority: z.enum(STATED_PRIORITIES).optional(),
  })
  .refine((r) => (r.action !== 'escalate' && r.action !== 'cancel') || (r.reason?.length ?? 0) > 0, { path: ['reason'], message: 'say why' })
  .refine((r) => r.action !== 'change_priority' || r.statedPriority !== undefined, { path: ['statedPriority'], message: 'give the new stated priority' });
export type OrderActionRequest = z.infer<typeof orderActionRequest>;

export const orderSummary = z.object({
  id: z.string(),
  reference: z.string().nullable(),
  account: z.string(),
  kind: orderKind,
  statedPriority: statedPriority,
  dueAt: z.string(),
  workAreaId: z.string(),
  state: orderState,
  priorityScore: z.number().nullable(),
  /** Set while the order is escalated: whose queue it is in, why, and where it came from. */
  escalation: escalation.nullable(),
  lines: z.array(orderLine),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrderSummary = z.infer<typeof orderSummary>;

export const timelineEntry = z.object({
  seq: z.number(),
  at: z.string(),
  from: orderState.nullable(),
  to: orderState,
  event: z.string(),
  actor: z.string(),
  reason: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const orderDetail = orderSummary.extend({
  allowedActions: z.array(orderActionName),
  timeline: z.array(timelineEntry),
  decisions: z.array(decision),
});
export type OrderDetail = z.infer<typeof orderDetail>;
