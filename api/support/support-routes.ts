import type { z } from 'zod';
import { answerTicketInput, assignTicketInput, closeTicketInput, supportQueue, supportQueueQuery, supportTicketDetail } from '../../domain/support/support-ticket.ts';
import { changeTicket, readTicket, supportQueue as readQueue, type DeskChange } from '../../store/support/ticket-desk.ts';
import { TicketRefusal } from '../../store/support/ticket-refusal.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { notFound, UserError } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, STANDARD_ERRORS } from '../schemas.ts';

const NO_TICKET = { description: 'No such ticket.', schema: errorBody };
const REFUSED = { description: 'The ticket cannot take this now (closed, changed since you read it, or an assignee who cannot answer): the message says why.', schema: errorBody };

/** The support desk: customers' tickets from tracking pages, assigned, answered (the customer reads it there) and closed. */
export function supportRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  const tag = 'Support';
  const detail = async (id: string) => {
    const found = await readTicket(em(), id);
    if (!found) throw notFound(`Ticket ${id}`);
    return found;
  };
  const change = (action: 'assign' | 'answer' | 'close', body: z.ZodType<{ version: number }>, summary: string, toChange: (input: never) => DeskChange) =>
    defineRoute({
      tag,
      access: 'support.answer',
      method: 'post',
      path: `/support/tickets/:id/${action}`,
      operationId: `${action}SupportTicket`,
      summary,
      params: idParams,
      body,
      responses: { 200: { description: 'Done: the ticket as it is now.', schema: supportTicketDetail }, 404: NO_TICKET, 409: REFUSED, ...STANDARD_ERRORS },
      handler: async (c, { params, body: input, principal }) => {
        await detail(params.id);
        try {
          await changeTicket(deps.store.em, params.id, input.version, toChange(input as never), actorOf(principal));
        } catch (err) {
          if (err instanceof TicketRefusal) throw new UserError(409, 'conflict', err.message);
          throw err;
        }
        return c.json(await detail(params.id));
      },
    });

  return [
    defineRoute({
      tag,
      access: 'support.read',
      method: 'get',
      path: '/support/tickets',
      operationId: 'listSupportQueue',
      summary: 'The support queue: unassigned tickets first, then oldest first',
      query: supportQueueQuery,
      responses: { 200: { description: 'Up to `limit` tickets.', schema: supportQueue }, ...STANDARD_ERRORS },
      handler: async (c, { query }) => c.json(await readQueue(em(), query)),
    }),
    defineRoute({
      tag,
      access: 'support.read',
      method: 'get',
      path: '/support/tickets/:id',
      operationId: 'getSupportTicket',
      summary: 'A ticket with its replies',
      params: idParams,
      responses: { 200: { description: 'The ticket.', schema: supportTicketDetail }, 404: NO_TICKET, ...STANDARD_ERRORS },
      handler: async (c, { params }) => c.json(await detail(params.id)),
    }),
    change('assign', assignTicketInput, 'Assigning a ticket to someone who answers tickets (yourself included)', (input: z.infer<typeof assignTicketInput>) => ({ type: 'assign', assignee: input.assignee })),
    change('answer', answerTicketInput, 'Answering a ticket: the customer reads the answer on the tracking page', (input: z.infer<typeof answerTicketInput>) => ({ type: 'answer', text: input.text })),
    change('close', closeTicketInput, 'Closing a ticket (a reply from the customer reopens it)', () => ({ type: 'close' })),
  ];
}
