import { z } from 'zod';
import { holdType, newOrder, orderActionRequest, orderDetail, orderKind, orderListItem, orderSummary, type OrderDetail } from '../../domain/order.ts';
import { operationPosition } from '../../domain/operation-progress.ts';
import { ORDER_VIEWS } from '../../domain/order-views.ts';
import { listOrders } from '../../store/order-list.ts';
import { findOrderDetail } from '../../store/order-read-model.ts';
import { allowedActions, lifecycleViewOf } from '../../workflows/machines/order-actions.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { completeOperation } from '../complete-operation.ts';
import { notFound, UserError } from '../errors.ts';
import { performAction, reportHoldCauseCleared } from '../order-actions.ts';
import { idempotencyScopeOf, takeOrder } from '../order-intake.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, pathId, STANDARD_ERRORS } from '../schemas.ts';
import { listQueryOf, orderListRequest } from '../order-list-request.ts';

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
      query: orderListRequest,
      responses: {
        200: {
          description:
            'Orders without their lines, newest first unless `sort` and `dir` say otherwise (ties by id): those on the desk (exceptions, specialist, remit; all by default), matching `q` (an id exactly, a reference or account by its beginning, a line\'s SKU or a zone exactly) and every filter given, and with `moved`, that made that move in the range (the orders behind a trend figure). A page of `limit`, from `cursor` (the `next` or `prev` of another page; the way to deep pages) or from `offset`; `total` is exact when `totalExact`, else at least that many match.',
          schema: z.object({ orders: z.array(orderListItem), total: z.number(), totalExact: z.boolean(), next: z.string().nullable(), prev: z.string().nullable() }),
        },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { query }) => c.json(await listOrders(deps.store.em.fork(), listQueryOf(query))),
    }),
    defineRoute({
      method: 'get',
      path: '/orders/views',
      operationId: 'listOrderViews',
      summary: 'Ready-made views of the orders table',
      tag: 'Orders',
      access: 'orders.read',
      responses: {
        200: {
          description: 'A queue per order kind: each view\'s name and the GET /orders filters it stands for.',
          schema: z.object({ views: z.array(z.object({ id: z.string(), name: z.string(), filters: z.object({ kind: z.array(orderKind) }) })) }),
        },
        ...STANDARD_ERRORS,
      },
      handler: (c) => c.json({ views: ORDER_VIEWS }),
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
        200: { description: 'The caller used this Idempotency-Key before: the order the first request created.', schema: orderSummary },
        202: { description: 'Stored, but Temporal could not be reached: the order stays captured until the intake sweeper starts its workflow, once the server is back.', schema: orderSummary },
        409: { description: 'The Idempotency-Key was used for a different order.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { body, principal }) => {
        const key = c.req.header('Idempotency-Key')?.trim() || null;
        if (key !== null && key.length > 200) throw new UserError(400, 'invalid_request', 'Idempotency-Key must be at most 200 characters.');
        const { order, replayed, started } = await takeOrder(deps, body, key === null ? null : { key, scope: idempotencyScopeOf(principal) });
        c.header('Location', `/orders/${order.id}`);
        if (replayed) c.header('Idempotent-Replayed', 'true');
        return c.json(order, !started ? 202 : replayed ? 200 : 201);
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
        409: {
          description: 'The lifecycle does not allow this action now (another specialist holds the claim, say), or the assignment rules object to the resource and the request does not override them; nothing changed.',
          schema: errorBody,
        },
        503: { description: 'Temporal cannot be reached, so the action was not confirmed: look at the order again in a minute.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params, body, principal }) => {
        await performAction(deps, params.id, body, { name: actorOf(principal), roles: principal.roles });
        return c.json(await detail(params.id));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/orders/:id/operations/:position/complete',
      operationId: 'completeOperation',
      // For line terminals and field apps: load leaves an area when its operation is done there.
      summary: 'Reporting a routing step done',
      tag: 'Orders',
      access: 'orders.progress',
      params: z.object({ id: pathId, position: operationPosition }),
      responses: {
        200: { description: 'Recorded, or done already (the report is idempotent): the order after it; completed when it was the last step.', schema: orderDetail },
        404: { description: 'No such order, or no such step in its routing.', schema: errorBody },
        409: { description: 'The order is not in progress, or an earlier step is still open (steps are done in routing order); nothing changed.', schema: errorBody },
        503: { description: 'Temporal cannot be reached, so the report was not confirmed: send it again.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params, principal }) => {
        await completeOperation(deps, params.id, params.position, { name: actorOf(principal), roles: principal.roles });
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
      responses: {
        202: { description: 'Passed to the order: its hold of that type, placed by the intake rules, is released.', schema: z.object({ accepted: z.literal(true) }) },
        404: { description: 'No such order.', schema: errorBody },
        409: { description: 'The order has no such hold, a person placed it, or the order is finished; nothing changed.', schema: errorBody },
        503: { description: 'Temporal cannot be reached, so the report was not passed on: send it again later.', schema: errorBody },
        ...STANDARD_ERRORS,
        403: { description: 'Not an integration with one of these roles: a person releases a hold with the release_hold action.', schema: errorBody },
      },
      handler: async (c, { params, principal }) => {
        await reportHoldCauseCleared(deps, params.id, params.holdType, principal);
        return c.json({ accepted: true as const }, 202);
      },
    }),
  ];
}
