import { z } from 'zod';
import { USERNAME_MAX_LENGTH } from '../auth-limits.ts';
import type { Role } from '../roles.ts';
import { rowVersionInput } from '../row-version.ts';
import { ID_MAX, oneLine, paragraph } from '../text.ts';
import { TICKET_STATUSES } from './ticket-machine.ts';

/** What a customer may ask about, as the tracking page's form offers it. */
export const TICKET_TOPICS = ['delivery_time', 'change_delivery', 'item_problem', 'payment', 'other'] as const;
export const ticketTopic = z.enum(TICKET_TOPICS);
export type TicketTopic = z.infer<typeof ticketTopic>;

export const TICKET_TOPIC_WORDS: Record<TicketTopic, string> = {
  delivery_time: 'When will it arrive?',
  change_delivery: 'Change the delivery (address or time)',
  item_problem: 'A problem with an item',
  payment: 'Payment or invoice',
  other: 'Something else',
};

/** The support desk: who is told of a new ticket (one notification per role). */
export const SUPPORT_DESK_ROLES: readonly Role[] = ['dispatcher', 'order_processor'];

export const TICKET_TEXT_MAX = 2000;

export const ticketStatus = z.enum(TICKET_STATUSES);

/** A reply on a ticket: the customer's from the tracking page, or the desk's answer. */
export const ticketMessage = z.object({
  id: z.string().max(20),
  from: z.enum(['customer', 'support']),
  /** The desk's answers name who answered; the customer's replies name nobody. */
  author: z.string().max(USERNAME_MAX_LENGTH).nullable(),
  text: z.string().max(TICKET_TEXT_MAX),
  createdAt: z.iso.datetime(),
});
export type TicketMessage = z.infer<typeof ticketMessage>;

export const supportTicketDetail = z.object({
  id: z.string().max(ID_MAX),
  orderId: z.string().max(ID_MAX),
  orderReference: z.string().max(ID_MAX),
  topic: ticketTopic,
  name: z.string().max(100),
  contact: z.string().max(254),
  message: z.string().max(TICKET_TEXT_MAX),
  status: ticketStatus,
  assignee: z.string().max(USERNAME_MAX_LENGTH).nullable(),
  version: z.number().int().min(0),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Oldest first, after the first message. */
  replies: z.array(ticketMessage),
});
export type SupportTicketDetail = z.infer<typeof supportTicketDetail>;

export const supportQueueQuery = z.object({
  status: z.enum([...TICKET_STATUSES, 'active']).default('active').describe('active: open, assigned and answered'),
  assignee: z.union([z.literal('unassigned'), z.string().trim().min(1).max(USERNAME_MAX_LENGTH)]).optional().describe('a user name, or "unassigned"'),
  topic: ticketTopic.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type SupportQueueQuery = z.infer<typeof supportQueueQuery>;

/** The queue: unassigned first, then oldest first. */
export const supportQueue = z.object({ tickets: z.array(supportTicketDetail.omit({ replies: true })) });
export type SupportQueue = z.infer<typeof supportQueue>;

/** Changes carry the version the person saw: a ticket changed meanwhile is refused, not overwritten. */
const versioned = { version: rowVersionInput };

export const assignTicketInput = z.object({ ...versioned, assignee: oneLine(USERNAME_MAX_LENGTH, 'whom to assign it to: a user name') });
export const answerTicketInput = z.object({ ...versioned, text: paragraph(TICKET_TEXT_MAX, 'the answer the customer reads') });
export const closeTicketInput = z.object(versioned);
export const customerReplyInput = z.object({ message: paragraph(TICKET_TEXT_MAX, 'your reply') });

/** What the tracking page shows of a ticket: the question, its status, and the desk's answers. */
export const publicTicketView = z.object({
  id: z.string().max(ID_MAX),
  topic: ticketTopic,
  message: z.string().max(TICKET_TEXT_MAX),
  status: ticketStatus,
  createdAt: z.iso.datetime(),
  replies: z.array(ticketMessage.omit({ author: true })),
});
export type PublicTicketView = z.infer<typeof publicTicketView>;

