import { z } from 'zod';
import { conversationMessage, conversationPage, conversationQuery, newMessageInput } from '../../domain/conversations/conversation.ts';
import { markThreadRead } from '../../store/conversations/driver-mentions.ts';
import { listMessages, postMessage } from '../../store/conversations/order-messages.ts';
import { driverResource } from '../../store/drivers/driver-profiles.ts';
import { orderOnLiveTripOf } from '../../store/drivers/driver-trips.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { notFound } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, pathId, STANDARD_ERRORS } from '../schemas.ts';
import { driverOf } from './driver-api-routes.ts';

const threadParams = z.object({ tripId: pathId, orderId: pathId });
const NO_THREAD = { description: 'No such order on a live trip of yours (another driver’s order or trip is as unknown as a missing one).', schema: errorBody };

/**
 * The driver in an order's conversation: the same thread dispatchers and specialists write in, opened only
 * for an order on one of the driver's own live trips (planned, dispatched, in progress).
 */
export function driverThreadRoutes(deps: ApiDeps) {
  const tag = 'Driver API';
  const em = () => deps.store.em.fork();
  const ownThread = async (driverId: string, tripId: string, orderId: string) => {
    if (!(await orderOnLiveTripOf(em(), driverId, tripId, orderId))) throw notFound(`Order ${orderId} on your trip ${tripId}`);
  };
  return [
    defineRoute({
      tag,
      access: 'driver',
      method: 'get',
      path: '/driver/trips/:tripId/orders/:orderId/messages',
      operationId: 'myOrderMessages',
      summary: "A page of the conversation of an order on my trip, newest first (reading the newest page marks my mentions read)",
      params: threadParams,
      query: conversationQuery,
      responses: { 200: { description: 'The messages, and the cursor for older ones.', schema: conversationPage }, 404: NO_THREAD, ...STANDARD_ERRORS },
      handler: async (c, { params, query, principal }) => {
        const driverId = driverOf(principal);
        await ownThread(driverId, params.tripId, params.orderId);
        const page = await listMessages(em(), params.orderId, query);
        const newest = page.items[0];
        if (query.before === undefined && newest) await markThreadRead(em(), driverId, params.orderId, Number(newest.id));
        return c.json(page);
      },
    }),
    defineRoute({
      tag,
      access: 'driver',
      method: 'post',
      path: '/driver/trips/:tripId/orders/:orderId/messages',
      operationId: 'postMyOrderMessage',
      summary: 'Posting on the conversation of an order on my trip (@user.name notifies that person)',
      params: threadParams,
      body: newMessageInput,
      responses: { 201: { description: 'Posted, under my name as the driver; everyone it mentions by user name is notified.', schema: conversationMessage }, 404: NO_THREAD, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => {
        const driverId = driverOf(principal);
        await ownThread(driverId, params.tripId, params.orderId);
        const name = (await driverResource(em(), driverId))?.name ?? driverId;
        const posted = await postMessage(deps.store.em, { orderId: params.orderId, author: { kind: 'driver', id: driverId, name }, text: body.text, actor: actorOf(principal), now: new Date() });
        if (!posted) throw notFound(`Order ${params.orderId} on your trip ${params.tripId}`);
        return c.json(posted, 201);
      },
    }),
  ];
}
