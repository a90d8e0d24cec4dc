import { conversationMessage, conversationPage, conversationQuery, newMessageInput, type MessageAuthor } from '../../domain/conversations/conversation.ts';
import { listMessages, postMessage } from '../../store/conversations/order-messages.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { notFound } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, STANDARD_ERRORS } from '../schemas.ts';

const NO_ORDER = { description: 'No such order.', schema: errorBody };

/** A person writes as themselves; an integration's token as the token (drivers write through the driver API). */
const authorOf = (principal: Principal): MessageAuthor =>
  principal.kind === 'token' ? { kind: 'user', id: `token:${principal.tokenId}`, name: principal.name } : { kind: 'user', id: principal.kind === 'user' ? principal.userId : 'anonymous', name: principal.name };

/** An order's conversation: who works the order talks about it there, and mentions people by user name. */
export function conversationRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  const tag = 'Conversations';
  return [
    defineRoute({
      tag,
      access: 'conversations.read',
      method: 'get',
      path: '/orders/:id/messages',
      operationId: 'listOrderMessages',
      summary: "A page of an order's conversation, newest first",
      params: idParams,
      query: conversationQuery,
      responses: { 200: { description: 'The messages, and the cursor for older ones.', schema: conversationPage }, 404: NO_ORDER, ...STANDARD_ERRORS },
      handler: async (c, { params, query }) => {
        if (!(await em().count(OrderRecord, { id: params.id }))) throw notFound(`Order ${params.id}`);
        return c.json(await listMessages(em(), params.id, query));
      },
    }),
    defineRoute({
      tag,
      access: 'conversations.post',
      method: 'post',
      path: '/orders/:id/messages',
      operationId: 'postOrderMessage',
      summary: "Posting a message on an order's conversation (@user.name notifies that person)",
      params: idParams,
      body: newMessageInput,
      responses: { 201: { description: 'Posted; everyone it mentions by user name is notified.', schema: conversationMessage }, 404: NO_ORDER, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => {
        const posted = await postMessage(deps.store.em, { orderId: params.id, author: authorOf(principal), text: body.text, actor: actorOf(principal), now: new Date() });
        if (!posted) throw notFound(`Order ${params.id}`);
        return c.json(posted, 201);
      },
    }),
  ];
}
