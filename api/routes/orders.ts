import { z } from 'zod';
import { holdType, newOrder, orderActionRequest, orderDetail, orderSummary, type OrderDetail } from '../../domain/order.ts';
import { searchText } from '../../domain/text.ts';
import { findOrderDetail, listOrders } from '../../store/order-read-model.ts';
import { allowedActions, lifecycleViewOf } from '../../workflows/machines/order-actions.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { notFound, UserError } from '../errors.ts';
import { performAction, reportHoldCauseCleared } from '../order-actions.ts';
import { takeOrder } from '../order-intake.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, pathId, STANDARD_ERRORS } from '../schemas.ts';

export function orderRoutes(deps: ApiDeps) {
  const detail = async (id: string): Promise<OrderDetail> => {
    const order = await findOrderDetail(deps.store.em.fork(), id);
    if (!order) throw notFound(`Order ${id}`);
    return { ...order, allowedActions: allowedActions(lifecycleViewOf(order)) };
  };

  return [
    defineRoute({
      method: 'get',
      path: '/orders',
      operationId: 'listOrders',
      summary: 'List orders',
      tag: 'Orders',
      access: 'orders.read',
      query: z.object({ q: searchText(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(500) }),
      responses: { 200: { description: 'The newest orders first; `q` keeps those whose id, reference or account contains it.', schema: z.object({ orders: z.array(orderSummary) }) }, ...STANDARD_ERRORS },
      handler: async (c, { query }) => c.json({ orders: await listOrders(deps.store.em.fork(), { ...(query.q ? { q: query.q } : {}), limit: query.limit }) }),
    }),
    defineRoute({
      method: 'post',
      path: '/orders',
      operationId: 'createOrder',
      summary: 'Taking an order',
      tag: 'Orders',
      access: 'orders.create',
      body: newOrder,
      responses: {
        201: { description: 'Stored; its workflow has started.', schema: orderSummary },
        200: { description: 'The Idempotency-Key was seen before: the order the first request created.', schema: orderSummary },
        409: { description: 'The Idempotency-Key was used for a different order.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { body }) => {
        const key = c.req.header('Idempotency-Key')?.trim() || null;
        if (key !== null && key.length > 200) throw new UserError(400, 'invalid_request', 'Idempotency-Key must be at most 200 characters.');
        const { order, replayed } = await takeOrder(deps, body, key);
        c.header('Location', `/orders/${order.id}`);
        if (replayed) c.header('Idempotent-Replayed', 'true');
        return c.json(order, replayed ? 200 : 201);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/orders/:id',
      operationId: 'getOrder',
      summary: 'Read an order',
      tag: 'Orders',
      access: 'orders.read',
      params: idParams,
      responses: {
        200: { description: 'State, allowed actions, timeline and decisions with their explanations.', schema: orderDetail },
        404: { description: 'No such order.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params }) => c.json(await detail(params.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/orders/:id/actions',
      operationId: 'actOnOrder',
      summary: 'Acting on an order',
      tag: 'Orders',
      access: 'orders.act',
      params: idParams,
      body: orderActionRequest,
      responses: {
        200: { description: 'Accepted: the order after the action.', schema: orderDetail },
        404: { description: 'No such order.', schema: errorBody },
        409: { description: 'The lifecycle does not allow this action now; nothing changed.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params, body, principal }) => {
        await performAction(deps, params.id, body, { name: actorOf(principal), roles: principal.roles });
        return c.json(await detail(params.id));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/orders/:id/holds/:holdType/cause-cleared',
      operationId: 'reportHoldCauseCleared',
      // For the systems that capture orders (stock arrived, a payment came in).
      summary: 'Reporting that the cause of a hold is gone',
      tag: 'Orders',
      access: 'orders.create',
      params: z.object({ id: pathId, holdType }),
      responses: { 202: { description: 'Passed to the order; a hold of that type, if any, is released.', schema: z.object({ accepted: z.literal(true) }) }, 404: { description: 'No such order.', schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { params, principal }) => {
        await reportHoldCauseCleared(deps, params.id, params.holdType, actorOf(principal));
        return c.json({ accepted: true as const }, 202);
      },
    }),
  ];
}
