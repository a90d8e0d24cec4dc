import { z } from 'zod';
import { LAST_MILE_STATUSES, type LastMileStatus } from './last-mile.ts';
import type { OrderState } from './lifecycle.ts';
import { ticketTopic } from './support/support-ticket.ts';
import { ID_MAX, oneLine, paragraph } from './text.ts';

/**
 * What a customer is told about their order: a few plain words. Holds, escalations, a failed attempt and a
 * return to the pool all read "delayed": why is the business's to sort out, not the customer's to read.
 */
export const CUSTOMER_STATUSES = ['received', 'being_prepared', 'on_its_way', 'delivered', 'completed', 'cancelled', 'delayed'] as const;
export const customerStatus = z.enum(CUSTOMER_STATUSES);
export type CustomerStatus = z.infer<typeof customerStatus>;

export const CUSTOMER_STATUS_WORDS: Record<CustomerStatus, string> = {
  received: 'Received',
  being_prepared: 'Being prepared',
  on_its_way: 'On its way',
  delivered: 'Delivered',
  completed: 'Completed',
  cancelled: 'Cancelled',
  delayed: 'Delayed, we are on it',
};

const BY_STATE: Record<Exclude<OrderState, 'closed'>, CustomerStatus> = {
  captured: 'received',
  validating: 'received',
  specialist_review: 'received',
  queued: 'received',
  on_hold: 'delayed',
  escalated: 'delayed',
  attempt_failed: 'delayed',
  returned: 'delayed',
  released: 'being_prepared',
  assigned: 'being_prepared',
  in_progress: 'being_prepared',
  staged: 'being_prepared',
  split: 'being_prepared',
  picked_up: 'on_its_way',
  in_transit: 'on_its_way',
  delivered: 'delivered',
  awaiting_remit: 'delivered',
  completed: 'completed',
  rejected: 'cancelled',
  cancelled: 'cancelled',
};

/** A closed order ends as its last-mile status left it; a fulfilment order (no last mile) as completed. */
const CLOSED_AS: Partial<Record<LastMileStatus, CustomerStatus>> = { Delivered: 'delivered', Cancelled: 'cancelled', Returned: 'cancelled' };

export function customerStatusOf(state: OrderState, lastMile: LastMileStatus | null): CustomerStatus {
  if (state === 'closed') return (lastMile && CLOSED_AS[lastMile]) ?? 'completed';
  return BY_STATE[state];
}

/** The tracking page's facts, and nothing else: no account, no holds, no people, no rules. */
export const trackingView = z.object({
  /** The order's reference, or its id when it was taken without one. */
  reference: z.string().max(ID_MAX),
  status: customerStatus,
  statusText: z.string().max(40),
  /** The due time: when the customer may expect it. */
  expectedAt: z.iso.datetime(),
  /** The time zone of the site that fulfils the order, where its times are local. */
  timeZone: z.string().max(64),
  lastMile: z.object({ status: z.enum(LAST_MILE_STATUSES), since: z.iso.datetime().nullable() }).nullable(),
});
export type TrackingView = z.infer<typeof trackingView>;

/** Who to answer, and how: an email address or a phone number. */
const contactField = oneLine(254, 'an email address or a phone number').refine(
  (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) || /^[+()\d\s./-]{6,40}$/.test(v),
  'an email address (name@example.com) or a phone number (digits, spaces and + ( ) . / -)',
);

export const supportTicketInput = z.object({
  topic: ticketTopic.default('other'),
  name: oneLine(100, 'your name'),
  contact: contactField,
  message: paragraph(2000, 'what you would like to ask or tell us'),
});
export type SupportTicketInput = z.infer<typeof supportTicketInput>;

export const supportTicketView = z.object({
  id: z.string().max(ID_MAX),
  name: z.string().max(100),
  contact: z.string().max(254),
  message: z.string().max(2000),
  createdAt: z.iso.datetime(),
});
export type SupportTicketView = z.infer<typeof supportTicketView>;
