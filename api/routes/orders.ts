import { Hono } from 'hono';
import { newOrder, orderActionRequest, type OrderDetail } from '../../domain/order.ts';
import { findOrderDetail, listOrders } from '../../store/order-read-model.ts';
import { allowedActions } from '../../workflows/machines/order-actions.ts';
import type { ApiDeps } from '../api-deps.ts';
import { notFound, UserError } from '../errors.ts';
import { performAction } from '../order-actions.ts';
import { takeOrder } from '../order-intake.ts';
import { readBody } from '../read-body.ts';

// Until people sign in (authentication comes with the access issue), actions are attributed to this name.
const ANONYMOUS = 'anonymous';

export function orderRoutes(deps: ApiDeps) {
  const detail = async (id: string): Promise<OrderDetail> => {
    const order = await findOrderDetail(deps.store.em.fork(), id);
    if (!order) throw notFound(`Order ${id}`);
    return { ...order, allowedActions: allowedActions(order.state) };
  };

  return new Hono()
    .get('/', async (c) => c.json({ orders: await listOrders(deps.store.em.fork()) }))
    .post('/', async (c) => {
      const key = c.req.header('Idempotency-Key')?.trim() || null;
      if (key !== null && key.length > 200) throw new UserError(400, 'invalid_request', 'Idempotency-Key must be at most 200 characters.');
      const input = await readBody(c, newOrder);
      const { order, replayed } = await takeOrder(deps, input, key);
      c.header('Location', `/orders/${order.id}`);
      if (replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(order, replayed ? 200 : 201);
    })
    .get('/:id', async (c) => c.json(await detail(c.req.param('id'))))
    .post('/:id/actions', async (c) => {
      const id = c.req.param('id');
      const request = await readBody(c, orderActionRequest);
      await performAction(deps, id, request, ANONYMOUS);
      return c.json(await detail(id));
    });
}
