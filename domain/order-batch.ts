import { z } from 'zod';
import { newOrder, orderState } from './order.ts';
import { oneLine } from './text.ts';

/** The most orders one `POST /orders/batch` takes: more is a 400 asking for another batch. */
export const MAX_BATCH_ORDERS = 1_000;

/** The same bound the `Idempotency-Key` header of `POST /orders` has. */
export const IDEMPOTENCY_KEY_MAX = 200;

/** One order of a batch, with the key that makes sending it again safe (per caller, shared with `POST /orders`). */
export const orderBatchItem = z.strictObject({
  idempotencyKey: oneLine(IDEMPOTENCY_KEY_MAX, 'idempotencyKey is required'),
  order: newOrder,
});
export type OrderBatchItem = z.infer<typeof orderBatchItem>;

/*
 * The body is checked only as a list: each item is validated on its own, so one bad row is refused with its
 * problems while the others are taken. The document still describes an item as `orderBatchItem`.
 */
const { $schema: _schema, ...itemJsonSchema } = z.toJSONSchema(orderBatchItem, { io: 'input', unrepresentable: 'any' });
export const orderBatchRequest = z.strictObject({
  orders: z
    .array(z.unknown().meta(itemJsonSchema))
    .min(1, 'a batch needs at least one order')
    .max(MAX_BATCH_ORDERS, `a batch has at most ${MAX_BATCH_ORDERS.toLocaleString('en')} orders: send the rest in another batch`),
});

export const batchItemError = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/**
 * What became of one item, in the order sent. `status` is what `POST /orders` would have answered for it
 * alone: 201 created, 200 a duplicate of an earlier order with this key, 202 stored while Temporal could not
 * be reached (it starts later), 400 invalid, 409 the key was used for a different order.
 */
export const orderBatchItemResult = z.discriminatedUnion('outcome', [
  z.object({ index: z.number(), idempotencyKey: z.string(), outcome: z.literal('created'), status: z.union([z.literal(201), z.literal(202)]), orderId: z.string(), state: orderState }),
  z.object({ index: z.number(), idempotencyKey: z.string(), outcome: z.literal('duplicate'), status: z.union([z.literal(200), z.literal(202)]), orderId: z.string(), state: orderState }),
  z.object({ index: z.number(), idempotencyKey: z.string().nullable(), outcome: z.literal('rejected'), status: z.union([z.literal(400), z.literal(409)]), error: batchItemError }),
]);
export type OrderBatchItemResult = z.infer<typeof orderBatchItemResult>;

export const orderBatchResult = z.object({
  created: z.number(),
  duplicates: z.number(),
  rejected: z.number(),
  results: z.array(orderBatchItemResult),
});
export type OrderBatchResult = z.infer<typeof orderBatchResult>;
