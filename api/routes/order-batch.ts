import { MAX_BATCH_ORDERS, orderBatchRequest, orderBatchResult } from '../../domain/order-batch.ts';
import type { ApiDeps } from '../api-deps.ts';
import { takeOrders } from '../order-batch-intake.ts';
import { idempotencyScopeOf } from '../order-intake.ts';
import { defineRoute } from '../registry/route.ts';
import { STANDARD_ERRORS } from '../schemas.ts';

export const ORDER_BATCH_PATH = '/orders/batch';

export function orderBatchRoutes(deps: ApiDeps) {
  return [
    defineRoute({
      method: 'post',
      path: ORDER_BATCH_PATH,
      operationId: 'createOrderBatch',
      summary: 'Taking a batch of orders',
      tag: 'Orders',
      access: 'orders.create',
      body: orderBatchRequest,
      responses: {
        200: {
          description: `Up to ${MAX_BATCH_ORDERS.toLocaleString('en')} orders, each taken as \`POST /orders\` takes one under its own idempotency key (the caller's keys are shared with that endpoint): a result per item in the order sent, with the status the single endpoint would have answered — created (201, or 202 while Temporal cannot be reached), a duplicate of the earlier order with that key (200), or rejected with every problem by field (400) or because the key was used for a different order (409). One bad item never fails the others.`,
          schema: orderBatchResult,
        },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { body, principal }) => c.json(await takeOrders(deps, body.orders, idempotencyScopeOf(principal))),
    }),
  ];
}
