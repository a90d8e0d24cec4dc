import { z } from 'zod';
import { sku } from '../inventory.ts';
import { MAX_LINES, MAX_QTY } from '../order.ts';
import { paragraph } from '../text.ts';
import { returnReason } from './return-reasons.ts';

/**
 * An RMA's states. The disposition (restocked or scrapped) is decided for the whole RMA after inspection:
 * one inspection, one decision where the goods go, which is how a returns bench works a parcel; a parcel
 * with some lines fit to sell and some not is split into two RMAs when requested.
 */
export const RMA_STATES = ['requested', 'approved', 'rejected', 'cancelled', 'received', 'inspected', 'restocked', 'scrapped', 'refunded', 'credited', 'exchanged'] as const;
export const rmaState = z.enum(RMA_STATES);
export type RmaState = z.infer<typeof rmaState>;

/** The states an RMA stays in: nothing more happens to it. */
export const FINAL_RMA_STATES = ['rejected', 'cancelled', 'refunded', 'credited', 'exchanged'] as const satisfies readonly RmaState[];

export const RMA_STATE_LABELS: Record<RmaState, string> = {
  requested: 'Requested',
  approved: 'Approved',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  received: 'Received',
  inspected: 'Inspected',
  restocked: 'Restocked',
  scrapped: 'Scrapped',
  refunded: 'Refunded',
  credited: 'Credited',
  exchanged: 'Exchanged',
};

/** A person's step on an RMA. Approving and rejecting are the approver's; the rest are the order processor's. */
export const RMA_ACTIONS = ['approve', 'reject', 'cancel', 'receive', 'inspect', 'restock', 'scrap', 'refund', 'credit', 'exchange'] as const;
export type RmaAction = (typeof RMA_ACTIONS)[number];
export const APPROVAL_ACTIONS = ['approve', 'reject'] as const satisfies readonly RmaAction[];
export const PROCESS_ACTIONS = ['cancel', 'receive', 'inspect', 'restock', 'scrap', 'refund', 'credit', 'exchange'] as const satisfies readonly RmaAction[];
export type ProcessAction = (typeof PROCESS_ACTIONS)[number];

export const RMA_ACTION_LABELS: Record<RmaAction, string> = {
  approve: 'Approve',
  reject: 'Reject',
  cancel: 'Cancel the return',
  receive: 'Goods received',
  inspect: 'Inspected',
  restock: 'Restock',
  scrap: 'Scrap',
  refund: 'Refund',
  credit: 'Credit note',
  exchange: 'Exchange',
};

/** Who must approve an RMA, as the rma rules decided when it was requested. */
export const RMA_APPROVERS = ['order_processor', 'finance'] as const;
export type RmaApprover = (typeof RMA_APPROVERS)[number];

export const RMA_NOTE_MAX = 500;

export const rmaLineInput = z.strictObject({
  sku,
  qty: z.number().int('qty must be a whole number').positive('qty must be at least 1').max(MAX_QTY, `qty is at most ${MAX_QTY.toLocaleString('en')}`),
  reason: returnReason,
  note: paragraph(RMA_NOTE_MAX).optional(),
});
export type RmaLineInput = z.infer<typeof rmaLineInput>;

export const newRmaInput = z.strictObject({
  lines: z
    .array(rmaLineInput)
    .min(1, 'a return needs at least one line')
    .max(MAX_LINES, `a return has at most ${MAX_LINES.toLocaleString('en')} lines`)
    .refine((lines) => new Set(lines.map((l) => l.sku)).size === lines.length, 'name each SKU once: give its whole quantity on one line'),
});
export type NewRmaInput = z.infer<typeof newRmaInput>;

export const rmaApprovalInput = z
  .strictObject({ decision: z.enum(APPROVAL_ACTIONS), reason: paragraph(RMA_NOTE_MAX).optional() })
  .refine((a) => a.decision !== 'reject' || (a.reason ?? '') !== '', { path: ['reason'], message: 'say why the return is rejected' });
export const rmaActionInput = z.strictObject({ action: z.enum(PROCESS_ACTIONS), note: paragraph(RMA_NOTE_MAX).optional() });

export const rmaListQuery = z.strictObject({ state: rmaState.optional(), orderId: z.string().max(200).optional() });

/** One line as stored: its price from the order (in cents) and what it is worth. */
export const rmaLine = z.object({ sku: z.string(), qty: z.number().int(), reason: returnReason, note: z.string().nullable(), unitPriceCents: z.number().int(), valueCents: z.number().int() });
export type RmaLine = z.infer<typeof rmaLine>;

export const rmaSummary = z.object({
  id: z.string(),
  orderId: z.string(),
  orderReference: z.string().nullable(),
  accountCode: z.string(),
  state: rmaState,
  /** Who must approve: finance when the rma rules said so. */
  approver: z.enum(RMA_APPROVERS),
  decisionId: z.string().nullable(),
  lines: z.array(rmaLine),
  /** What the returned goods are worth at the order's prices, in cents: what a credit note or refund pays. */
  valueCents: z.number().int(),
  disposition: z.enum(['restocked', 'scrapped']).nullable(),
  outcome: z.enum(['refunded', 'credited', 'exchanged']).nullable(),
  creditNoteId: z.string().nullable(),
  creditNoteNumber: z.string().nullable(),
  exchangeOrderId: z.string().nullable(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  updatedAt: z.string(),
});
export type RmaSummary = z.infer<typeof rmaSummary>;

export const rmaEvent = z.object({ at: z.string(), action: z.string(), fromState: z.string().nullable(), toState: z.string().nullable(), actor: z.string(), reason: z.string().nullable() });
export const rmaDetail = rmaSummary.extend({ timeline: z.array(rmaEvent) });
export type RmaDetail = z.infer<typeof rmaDetail>;

export const centsOf = (price: number): number => Math.round(price * 100);
