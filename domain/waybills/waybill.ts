import { z } from 'zod';
import { geoPoint } from '../geo.ts';
import { carrierType, type CarrierType } from '../order.ts';
import { ID_MAX, oneLine, paragraph } from '../text.ts';

/** Open: orders go on and come off. Sealed: packed and locked, its orders move together. */
export const WAYBILL_STATES = ['open', 'sealed'] as const;
export const waybillState = z.enum(WAYBILL_STATES);
export type WaybillState = z.infer<typeof waybillState>;

/** A truck's load of parcels for one lane; more is a second waybill. */
export const MAX_WAYBILL_ORDERS = 500;

export const newWaybillInput = z.strictObject({
  /** The warehouse the goods leave from (the orders' warehouse). */
  origin: oneLine(50),
  /** The zone they are delivered to (the orders' zone). */
  destination: oneLine(50),
  carrierType,
  note: paragraph(500).optional(),
});
export type NewWaybillInput = z.infer<typeof newWaybillInput>;

export const waybillOrdersInput = z.strictObject({
  orderIds: z.array(oneLine(ID_MAX)).min(1, 'name an order').max(MAX_WAYBILL_ORDERS, `at most ${MAX_WAYBILL_ORDERS} orders at once`),
});

/** What a sealed waybill does to all its orders at once: each is the order action of the same name. */
export const WAYBILL_MOVES = ['pick_up', 'depart', 'deliver'] as const;
export const waybillMoveInput = z.strictObject({ action: z.enum(WAYBILL_MOVES) });
export type WaybillMove = (typeof WAYBILL_MOVES)[number];

export const waybillListQuery = z.strictObject({ state: waybillState.optional() });

export const waybill = z.object({
  id: z.string(),
  origin: z.string(),
  destination: z.string(),
  carrierType,
  state: waybillState,
  orderIds: z.array(z.string()),
  note: z.string().nullable(),
  version: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  sealedBy: z.string().nullable(),
  sealedAt: z.string().nullable(),
});
export type Waybill = z.infer<typeof waybill>;

export const moveResult = z.object({ orderId: z.string(), ok: z.boolean(), message: z.string().nullable() });
export type MoveResult = z.infer<typeof moveResult>;

export const manifestLine = z.object({
  orderId: z.string(),
  reference: z.string().nullable(),
  account: z.string(),
  kind: z.string(),
  state: z.string(),
  units: z.number(),
  value: z.number().nullable(),
  paymentMode: z.string(),
  codAmount: z.number().nullable(),
  /** Where the order is delivered, when it was geocoded. */
  dropoffLocation: geoPoint.nullable(),
  /** How many lines (SKUs) the order has: what the loader counts against. */
  lineCount: z.number().int(),
});
export const manifest = z.object({ waybill, lines: z.array(manifestLine), totals: z.object({ orders: z.number(), units: z.number(), value: z.number() }) });
export type Manifest = z.infer<typeof manifest>;

/** The lane a waybill carries: an order must share it to go on. */
export interface Lane {
  origin: string;
  destination: string;
  carrierType: CarrierType;
}
