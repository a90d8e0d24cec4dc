import { z } from 'zod';
import { operationProgress } from './operation-progress.ts';
import { decision } from './decision.ts';
import { LAST_MILE_STATUSES } from './last-mile.ts';
import { geoPoint } from './geo.ts';
import { escalation, hold, holdType, orderActionName, orderState, paymentMode, returnReason } from './lifecycle.ts';
import { releaseJudgement } from './release-judgement.ts';
import { CARRIER_TYPES } from './resource.ts';
import { PERMISSIONS } from './roles.ts';
import { ID_MAX, oneLine, paragraph } from './text.ts';
import { instantInput } from './instant-input.ts';

export * from './lifecycle.ts';

export const ORDER_KINDS = ['production', 'pick', 'on_demand', 'pickup', 'delivery', 'pickup_delivery'] as const;
export const STATED_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const ACCOUNT_TIERS = ['standard', 'key', 'major'] as const;

export const orderKind = z.enum(ORDER_KINDS);
export const statedPriority = z.enum(STATED_PRIORITIES);
export type OrderKind = z.infer<typeof orderKind>;
export type StatedPriority = z.infer<typeof statedPriority>;

/** Bounds that keep an order's units and value exact in the store and in rules (far above any real order). */
export const MAX_QTY = 1_000_000;
export const MAX_PRICE = 1_000_000_000;
export const MAX_LINES = 10_000;
/** Cash, credit and balances. */
export const MAX_AMOUNT = 1_000_000_000_000;

export const orderLine = z.strictObject({
  sku: oneLine(64, 'sku is required'),
  qty: z.number().int('qty must be a whole number').positive('qty must be at least 1').max(MAX_QTY, `qty is at most ${MAX_QTY.toLocaleString('en')}`),
  price: z.number().nonnegative('price cannot be negative').max(MAX_PRICE, `price is at most ${MAX_PRICE.toLocaleString('en')}`),
});

export const intakeChecks = z.strictObject({
  creditBalance: z.number().min(-MAX_AMOUNT).max(MAX_AMOUNT).optional().describe("The account's open balance, for an account not on file; ignored when it is on file (its exposure is used)."),
  creditLimit: z.number().min(-MAX_AMOUNT).max(MAX_AMOUNT).optional().describe("The account's credit limit, for an account not on file; ignored when it is on file (its limit is used)."),
  inventoryShort: z.boolean().optional().describe("Some line cannot be served from stock, as the capturing system sees it: it counts only for orders none of whose SKUs are in Sluice's catalogue; for the others Sluice reads its own stock."),
  priceOverride: z.boolean().optional().describe("Some line's price was changed by hand. Sluice also compares catalogue SKUs' prices with the account's price list itself (the priceMismatch fact)."),
  addressVerified: z.boolean().optional(),
});
export type IntakeChecks = z.infer<typeof intakeChecks>;

/** One step of a production order's routing: a work area and the hours of processing there. */
export const routingStep = z.strictObject({ workAreaId: oneLine(ID_MAX), hours: z.number().positive().max(10_000) });
export type RoutingStep = z.infer<typeof routingStep>;

export const carrierType = z.enum(CARRIER_TYPES);
export type CarrierType = z.infer<typeof carrierType>;

/** Cash to collect, in whole cents: what the driver is asked for is what finance counts. A number's shortest decimal form tells its decimals. */
export const codAmount = z
  .number({ message: 'the COD amount must be a number, e.g. 125.50' })
  .nonnegative('the COD amount cannot be negative')
  .max(MAX_AMOUNT, `the COD amount is at most ${MAX_AMOUNT.toLocaleString('en')}`)
  .refine((n) => /^\d+(?:\.\d{1,2})?$/.test(String(n)), 'the COD amount has at most two decimals (cents)');

/** What an integration posts to `POST /orders`. */
export const newOrder = z.strictObject({
  reference: oneLine(64).optional(),
  account: oneLine(100, 'account is required'),
  kind: orderKind.default('pick'),
  statedPriority: statedPriority.default('normal'),
  dueAt: instantInput('dueAt must be an ISO 8601 date-time, e.g. 2026-11-21T14:00:00Z'),
  /** Where the order goes. Without it, every area of the order's kind that serves its zone may release it. */
  workAreaId: oneLine(ID_MAX).optional(),
  /** Where the work is (a delivery zone, a part of the warehouse): assignment prefers resources of the same zone. */
  zone: oneLine(50).optional(),
  /** The site that serves the order; without a work area, only that site's areas are candidates. */
  warehouse: oneLine(50).optional(),
  /** Delivery kinds: where the goods are collected and where they go (a geocoded address); trips are planned and mapped from them. */
  pickupLocation: geoPoint.optional(),
  dropoffLocation: geoPoint.optional(),
  /** Skills whoever executes the order must have (cold_chain, hazmat, forklift…); assignment rules read them. */
  requiredSkills: z.array(oneLine(40)).max(20).optional(),
  /**
   * Production orders only: the work areas the order passes, in order, with the processing hours at each.
   * It starts at the order's work area, where it waits for release; its hours count against the workload
   * norm of every area on it while the order is released and unfinished.
   */
  routing: z.array(routingStep).min(1, 'a routing has at least one step').max(20).optional(),
  paymentMode: paymentMode.default('prepaid'),
  /** The carrier type the order must go with; without it, any carrier may take it (as the assignment rules allow). */
  carrierType: carrierType.optional(),
  /** Cash on delivery only: the cash the driver collects, when it is not the order's value (a deposit paid, delivery charged). */
  codAmount: codAmount.optional(),
  accountTier: z.enum(ACCOUNT_TIERS).optional().describe("The account's tier, for an account not on file; ignored when it is on file (its tier is used)."),
  /** What the capturing system knows about credit, stock, prices and the address; intake rules read it. */
  checks: intakeChecks.optional(),
  lines: z.array(orderLine).min(1, 'an order needs at least one line').max(MAX_LINES, `an order has at most ${MAX_LINES.toLocaleString('en')} lines`),
}).refine((o) => o.codAmount === undefined || o.paymentMode === 'cod', { path: ['codAmount'], message: 'a COD amount is only for cash-on-delivery orders: set the payment mode to COD, or leave the amount empty' });
export type NewOrder = z.infer<typeof newOrder>;

/** What an order weighs against a WIP limit counted in units. */
export const unitsOf = (lines: readonly { qty: number }[]) => lines.reduce((sum, line) => sum + line.qty, 0);

/** An order's value (quantity × price over the lines) and its number of lines: what rules read of the lines. */
export const lineTotals = (lines: readonly { qty: number; price: number }[]) => ({ orderValue: lines.reduce((sum, line) => sum + line.qty * line.price, 0), lineCount: lines.length });

const NEEDS_REASON = new Set(['hold', 'force_release', 'reassign', 'return', 'reject', 'escalate', 'cancel']);

export const orderActionRequest = z
  .strictObject({
    action: orderActionName,
    reason: paragraph(500).optional(),
    /** For `escalate`: whose queue the order goes to (a dispatcher's by default); only roles that act on orders have one. */
    role: z.enum(PERMISSIONS['orders.act']).optional(),
    /** For `change_priority`: the priority the requester now states. */
    statedPriority: z.enum(STATED_PRIORITIES).optional(),
    /** For `hold` and `release_hold`. */
    holdType: holdType.optional(),
    /** For `resolve`: where the order goes back to (by default the state it was escalated from). */
    resolveTo: orderState.optional(),
    /** For `reassign`: who takes the order over — a resource of the order's area, or for a review, a specialist. */
    resource: oneLine(ID_MAX).optional(),
    /** For `reassign`: a person's override of the assignment rules' objection to that resource (audited with it). */
    override: z.boolean().optional(),
    /** For `return`. */
    returnReason: returnReason.optional(),
    /** For `split`: the order's line numbers (from 0) in each child order; every line in exactly one. */
    parts: z
      .array(z.array(z.number().int().nonnegative().max(MAX_LINES - 1)).min(1, 'a part needs at least one line').max(MAX_LINES))
      .min(2, 'split into at least two parts')
      .max(100, 'split into at most 100 parts')
      .optional(),
    /** For `deliver` and `confirm_remit`: the cash collected or remitted. */
    amount: z.number().nonnegative().max(MAX_AMOUNT).optional(),
  })
  .refine((r) => !NEEDS_REASON.has(r.action) || (r.reason?.length ?? 0) > 0, { path: ['reason'], message: 'say why' })
  .refine((r) => r.action !== 'change_priority' || r.statedPriority !== undefined, { path: ['statedPriority'], message: 'give the new stated priority' })
  .refine((r) => (r.action !== 'hold' && r.action !== 'release_hold') || r.holdType !== undefined, { path: ['holdType'], message: 'name the hold type' })
  .refine((r) => r.action !== 'reassign' || r.resource !== undefined, { path: ['resource'], message: 'name who takes the order over' })
  .refine((r) => r.override === undefined || r.action === 'reassign', { path: ['override'], message: 'only a reassignment overrides the assignment rules' })
  .refine((r) => r.action !== 'return' || r.returnReason !== undefined, { path: ['returnReason'], message: 'give the return reason' })
  .refine((r) => r.action !== 'split' || r.parts !== undefined, { path: ['parts'], message: 'give the lines of each part' })
  .refine((r) => r.action !== 'confirm_remit' || r.amount !== undefined, { path: ['amount'], message: 'give the amount remitted' });
export type OrderActionRequest = z.infer<typeof orderActionRequest>;

export const orderSummary = z.object({
  id: z.string(),
  reference: z.string().nullable(),
  account: z.string(),
  kind: orderKind,
  statedPriority: statedPriority,
  dueAt: z.string(),
  workAreaId: z.string(),
  zone: z.string().nullable(),
  warehouse: z.string().nullable(),
  pickupLocation: geoPoint.nullable(),
  dropoffLocation: geoPoint.nullable(),
  /** The areas that may release the order: its work area, or the areas of its kind serving its zone. */
  candidateAreas: z.array(z.string()),
  requiredSkills: z.array(z.string()),
  /** A production order's routing; empty when it has none. */
  routing: z.array(routingStep),
  paymentMode: paymentMode,
  /** The carrier type the order must go with; null when any carrier may take it. */
  carrierType: carrierType.nullable(),
  /** The cash to collect on delivery when it is not the order's value; null otherwise. */
  codAmount: z.number().nullable(),
  state: orderState,
  /** For delivery kinds: the status a last-mile dispatcher knows; null for fulfilment kinds. */
  lastMileStatus: z.enum(LAST_MILE_STATUSES).nullable(),
  priorityScore: z.number().nullable(),
  /** Set while the order is escalated: whose queue it is in, why, and where it came from. */
  escalation: escalation.nullable(),
  holds: z.array(hold),
  /** Who the order is assigned to once released (a resource of its work area), or the specialist who claimed it. */
  assignee: z.string().nullable(),
  /** The order this one was split from. */
  parentId: z.string().nullable(),
  lines: z.array(orderLine),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrderSummary = z.infer<typeof orderSummary>;

/** An order as the list shows it: without its lines, which may run to thousands per order (the order itself has them). */
export const orderListItem = orderSummary.omit({ lines: true });
export type OrderListItem = z.infer<typeof orderListItem>;

/** What a transition's audit entry says beyond its event, for the timeline's sentence: the hold's type, the role escalated to, the score… */
export const timelineDetails = z.object({
  holdType: z.string().optional(),
  role: z.string().optional(),
  resource: z.string().optional(),
  score: z.number().optional(),
  outcome: z.string().optional(),
  returnReason: z.string().optional(),
  to: z.string().optional(),
  statedPriority: z.number().optional(),
  amount: z.number().optional(),
  parts: z.number().optional(),
});
export type TimelineDetails = z.infer<typeof timelineDetails>;

export const timelineEntry = z.object({
  seq: z.number(),
  at: z.string(),
  from: orderState.nullable(),
  to: orderState,
  event: z.string(),
  actor: z.string(),
  /** The actor's name as people know it (a person's display name); null for Sluice, its rules and integrations. */
  actorDisplayName: z.string().nullable(),
  reason: z.string().nullable(),
  details: timelineDetails,
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const orderDetail = orderSummary.extend({
  /** The reference of the order this one was split from, as people know it; null when it has none or is not a part. */
  parentReference: z.string().nullable(),
  allowedActions: z.array(orderActionName),
  timeline: z.array(timelineEntry),
  decisions: z.array(decision),
  /** The latest release cycle's judgement: the score that ranked the order and why it waits. Null before any cycle judged it. */
  releaseJudgement: releaseJudgement.nullable(),
  /** A production order's routing, step by step, with each step's progress; empty without a routing. */
  operations: z.array(operationProgress),
});
export type OrderDetail = z.infer<typeof orderDetail>;
