import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { customerReplyInput, publicTicketView } from '../../domain/support/support-ticket.ts';
import { supportTicketInput, supportTicketView, trackingView } from '../../domain/tracking.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { takePublicHit } from '../../store/tracking/public-rate-limit.ts';
import { listSupportTickets, raiseSupportTicket } from '../../store/support/support-tickets.ts';
import { customerReply, publicTickets } from '../../store/support/ticket-desk.ts';
import { isTrackingToken, trackedOrderId, trackingViewOf } from '../../store/tracking/tracked-order.ts';
import type { ApiDeps } from '../api-deps.ts';
import type { AppEnv } from '../auth/principal.ts';
import { clientAddress } from '../client-address.ts';
import { handleError, notFound, UserError } from '../errors.ts';
import { validate } from '../read-body.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, STANDARD_ERRORS } from '../schemas.ts';
import { publicRateLimitsFromEnv } from './public-rate-limits.ts';
import { notTrackedPage, pageLocale, tooManyRequestsPage, trackingPage, type TicketFormState } from './tracking-page.ts';

/** Malformed tokens are answered before the routes (malformedTokens); the fallback keeps any other from a 400 all the same. */
const tokenParams = z.object({ token: z.string().max(100).catch('') });
const ticketParams = tokenParams.extend({ ticketId: z.string().max(100).catch('') });
const NO_TICKET = () => new UserError(404, 'not_found', 'This order has no such question.');

const NOT_TRACKED = () => new UserError(404, 'not_found', 'No order is tracked under this link.');
const tooMany = (seconds: number) => new UserError(429, 'too_many_requests', `Too many requests; try again in ${seconds} seconds.`);

const limited = { 429: { description: 'Too many requests from this address (or from everyone): wait as long as Retry-After says.', schema: errorBody } };

/**
 * The customer's side of an order, without sign-in: its tracking page and view, and a ticket from it. No
 * answer may be cached, indexed or leak the token through a Referer; the page runs no script at all.
 */
export const publicTrackingHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const nonce = c.get('secureHeadersNonce') ?? '';
  c.header('Content-Security-Policy', `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`);
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Robots-Tag', 'noindex, nofollow');
};

const decoded = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
};

/**
 * Answers a path whose token is not even well-formed as the routes answer an unknown token, before the
 * routes' input check could answer 400 (a NUL in it, say): every link that names no order reads the same.
 */
export const malformedTokens: MiddlewareHandler<AppEnv> = async (c, next) => {
  const match = /^(\/public)?\/track\/([^/]*)(\/.*)?$/.exec(c.req.path);
  if (!match || isTrackingToken(decoded(match[2]!))) return next();
  return match[1] ? handleError(NOT_TRACKED(), c) : c.html(notTrackedPage(c.get('secureHeadersNonce') ?? ''), 404);
};

export function trackingRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  const limits = deps.publicRateLimits ?? publicRateLimitsFromEnv();
  /** Seconds to wait, or 0: counted before the token is looked at, so guessing costs a request per guess. */
  const admit = async (c: Context<AppEnv>) => {
    const waitMs = await takePublicHit(em(), clientAddress(c), limits);
    const seconds = Math.ceil(waitMs / 1000);
    if (seconds > 0) c.header('Retry-After', String(seconds));
    return seconds;
  };
  /** The JSON routes' door: a 429 past the rate limit, else the tracked order's id, else a 404. */
  const admittedOrder = async (c: Context<AppEnv>, token: string): Promise<string> => {
    const wait = await admit(c);
    if (wait > 0) throw tooMany(wait);
    const orderId = await trackedOrderId(em(), token);
    if (!orderId) throw NOT_TRACKED();
    return orderId;
  };
  /** The HTML forms' door: the same, answered as pages a customer reads. */
  const admittedPageOrder = async (c: Context<AppEnv>, token: string): Promise<string | Response> => {
    const wait = await admit(c);
    if (wait > 0) return c.html(tooManyRequestsPage(nonceOf(c), wait), 429);
    return (await trackedOrderId(em(), token)) ?? c.html(notTrackedPage(nonceOf(c)), 404);
  };
  const nonceOf = (c: Context<AppEnv>) => c.get('secureHeadersNonce') ?? '';
  const htmlPage = async (c: Context<AppEnv>, token: string, form: TicketFormState, status: 200 | 400) => {
    const view = await trackingViewOf(em(), token);
    const orderId = view && (await trackedOrderId(em(), token));
    if (!view || !orderId) return c.html(notTrackedPage(nonceOf(c)), 404);
    return c.html(trackingPage(view, pageLocale(c.req.header('Accept-Language')), nonceOf(c), form, { token, items: await publicTickets(em(), orderId) }), status);
  };
  const html = { contentType: 'text/html' };

  return [
    defineRoute({
      method: 'get',
      path: '/public/track/:token',
      operationId: 'trackOrder',
      summary: 'An order\'s status for its customer (no sign-in)',
      tag: 'Tracking',
      access: 'public',
      params: tokenParams,
      responses: { 200: { description: 'The order\'s status in plain words, expected time and last-mile status.', schema: trackingView }, 404: { description: 'No order is tracked under this token.', schema: errorBody }, ...limited },
      handler: async (c, { params }) => {
        const wait = await admit(c);
        if (wait > 0) throw tooMany(wait);
        const view = await trackingViewOf(em(), params.token);
        if (!view) throw NOT_TRACKED();
        return c.json(view);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/public/track/:token/tickets',
      operationId: 'raiseSupportTicket',
      summary: 'A customer\'s question about their order (no sign-in)',
      tag: 'Tracking',
      access: 'public',
      params: tokenParams,
      body: supportTicketInput,
      responses: {
        201: { description: 'Stored; the order processors are notified.', schema: z.object({ received: z.literal(true) }) },
        400: STANDARD_ERRORS[400],
        404: { description: 'No order is tracked under this token.', schema: errorBody },
        ...limited,
      },
      handler: async (c, { params, body }) => {
        const orderId = await admittedOrder(c, params.token);
        await raiseSupportTicket(em(), orderId, body);
        return c.json({ received: true as const }, 201);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/track/:token',
      operationId: 'trackingPage',
      summary: 'An order\'s tracking page for its customer (no sign-in; HTML)',
      tag: 'Tracking',
      access: 'public',
      params: tokenParams,
      query: z.object({ sent: z.literal('1').optional().describe('Set by the form\'s redirect: the page says the message arrived.') }),
      responses: { 200: { description: 'The page.', ...html }, 404: { description: 'The same page for every link that names no order.', ...html }, 429: { description: 'Too many requests.', ...html } },
      handler: async (c, { params, query }) => {
        const wait = await admit(c);
        if (wait > 0) return c.html(tooManyRequestsPage(nonceOf(c), wait), 429);
        return htmlPage(c, params.token, { sent: query.sent === '1' }, 200);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/track/:token',
      operationId: 'sendTrackingPageTicket',
      summary: 'The tracking page\'s ticket form (no sign-in; an HTML form post)',
      tag: 'Tracking',
      access: 'public',
      params: tokenParams,
      responses: { 303: { description: 'Stored: on to the page, which says so (so that reloading it sends nothing twice).' }, 400: { description: 'The page with the form and what to correct.', ...html }, 404: { description: 'No order is tracked under this link.', ...html }, 429: { description: 'Too many requests.', ...html } },
      handler: async (c, { params }) => {
        const door = await admittedPageOrder(c, params.token);
        if (door instanceof Response) return door;
        const orderId = door;
        const form: Record<string, unknown> = await c.req.parseBody().catch(() => ({}));
        const values = Object.fromEntries((['topic', 'name', 'contact', 'message'] as const).map((field) => [field, typeof form[field] === 'string' ? form[field] : ''])) as Record<'topic' | 'name' | 'contact' | 'message', string>;
        try {
          await raiseSupportTicket(em(), orderId, validate(supportTicketInput, { ...values, topic: values.topic || undefined }, 'body'));
        } catch (err) {
          if (err instanceof UserError && err.status === 400) return htmlPage(c, params.token, { values, issues: err.issues ?? [{ path: '', message: err.message }] }, 400);
          throw err;
        }
        return c.redirect(`/track/${params.token}?sent=1`, 303);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/public/track/:token/tickets',
      operationId: 'trackedOrderTickets',
      summary: 'The questions asked about an order, with the answers (no sign-in)',
      tag: 'Tracking',
      access: 'public',
      params: tokenParams,
      responses: { 200: { description: 'The order\'s questions, newest first, each with its replies oldest first.', schema: z.object({ tickets: z.array(publicTicketView) }) }, 404: { description: 'No order is tracked under this token.', schema: errorBody }, ...limited },
      handler: async (c, { params }) => {
        const orderId = await admittedOrder(c, params.token);
        return c.json({ tickets: await publicTickets(em(), orderId) });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/public/track/:token/tickets/:ticketId/replies',
      operationId: 'replyToSupportTicket',
      summary: 'A customer\'s reply to the answer of their question (no sign-in; reopens it)',
      tag: 'Tracking',
      access: 'public',
      params: ticketParams,
      body: customerReplyInput,
      responses: {
        201: { description: 'Stored; the ticket is back in the support queue.', schema: z.object({ received: z.literal(true) }) },
        400: STANDARD_ERRORS[400],
        404: { description: 'No order is tracked under this token, or it has no such question.', schema: errorBody },
        ...limited,
      },
      handler: async (c, { params, body }) => {
        const orderId = await admittedOrder(c, params.token);
        if (!(await customerReply(em(), orderId, params.ticketId, body.message))) throw NO_TICKET();
        return c.json({ received: true as const }, 201);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/track/:token/replies',
      operationId: 'sendTrackingPageReply',
      summary: 'The tracking page\'s reply form under a question (no sign-in; an HTML form post of `ticket` and `message`)',
      tag: 'Tracking',
      access: 'public',
      params: tokenParams,
      responses: { 303: { description: 'Stored: on to the page, which says so.' }, 400: { description: 'The page with what to correct.', ...html }, 404: { description: 'No order is tracked under this link, or it has no such question.', ...html }, 429: { description: 'Too many requests.', ...html } },
      handler: async (c, { params }) => {
        const door = await admittedPageOrder(c, params.token);
        if (door instanceof Response) return door;
        const orderId = door;
        const form: Record<string, unknown> = await c.req.parseBody().catch(() => ({}));
        const message = typeof form.message === 'string' ? form.message : '';
        const ticketId = typeof form.ticket === 'string' ? form.ticket.slice(0, 100) : '';
        try {
          if (!(await customerReply(em(), orderId, ticketId, validate(customerReplyInput, { message }, 'body').message))) return c.html(notTrackedPage(nonceOf(c)), 404);
        } catch (err) {
          if (err instanceof UserError && err.status === 400) return htmlPage(c, params.token, { reply: { ticketId, message, issues: err.issues ?? [{ path: '', message: err.message }] } }, 400);
          throw err;
        }
        return c.redirect(`/track/${params.token}?sent=1`, 303);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/orders/:id/support-tickets',
      operationId: 'listOrderSupportTickets',
      summary: 'An order\'s support tickets from its customer',
      tag: 'Tracking',
      access: 'orders.read',
      params: idParams,
      responses: { 200: { description: 'The order\'s tickets, newest first.', schema: z.object({ tickets: z.array(supportTicketView) }) }, 404: { description: 'No such order.', schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { params }) => {
        if (!(await em().count(OrderRecord, { id: params.id }))) throw notFound(`Order ${params.id}`);
        return c.json({ tickets: await listSupportTickets(em(), params.id) });
      },
    }),
  ];
}
