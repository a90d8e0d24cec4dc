import { z } from 'zod';
import { orderState } from './order.ts';

/** What `GET /events` streams (server-sent events, `event: order`, `id: seq`) after every transition. */
export const orderEvent = z.object({
  seq: z.number(),
  orderId: z.string(),
  state: orderState,
  at: z.string(),
});
export type OrderEvent = z.infer<typeof orderEvent>;
