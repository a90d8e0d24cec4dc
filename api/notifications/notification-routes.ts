import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { notificationId, notificationListQuery, notificationPage, unreadCount } from '../../domain/notification.ts';
import { countUnread, listNotifications, markAllRead, markRead, type Reader } from '../../store/notifications/notifications.ts';
import type { ApiDeps } from '../api-deps.ts';
import type { AppEnv, Principal } from '../auth/principal.ts';
import { notFound } from '../errors.ts';
import { credentialOf } from '../live-events/stream-credentials.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, STANDARD_ERRORS } from '../schemas.ts';
import { notificationFeedOf } from './notification-feed.ts';

const HEARTBEAT_MS = 15_000;
const TAG = 'Notifications';

/** Whose notifications a caller reads: a person's (by user id), or an API token's own, and their roles'. */
export function readerOf(principal: Principal): Reader {
  if (principal.kind === 'user') return { id: principal.userId, roles: principal.roles };
  if (principal.kind === 'token') return { id: `token:${principal.tokenId}`, roles: principal.roles };
  return { id: 'anonymous', roles: [] };
}

export function notificationRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  return [
    defineRoute({
      method: 'get',
      path: '/notifications',
      operationId: 'listNotifications',
      summary: 'My notifications, newest first',
      tag: TAG,
      access: 'signed_in',
      query: notificationListQuery,
      responses: { 200: { description: 'A page of the notifications addressed to me or a role of mine; `next` pages on.', schema: notificationPage }, ...STANDARD_ERRORS },
      handler: async (c, { query, principal }) =>
        c.json(await listNotifications(em(), readerOf(principal), { ...(query.cursor === undefined ? {} : { cursor: query.cursor }), limit: query.limit, unread: query.unread === 'true' })),
    }),
    defineRoute({
      method: 'get',
      path: '/notifications/unread-count',
      operationId: 'countUnreadNotifications',
      summary: 'How many of my notifications are unread',
      tag: TAG,
      access: 'signed_in',
      responses: { 200: { description: 'The count, up to 999; `more` when there are more.', schema: unreadCount }, ...STANDARD_ERRORS },
      handler: async (c, { principal }) => c.json(await countUnread(em(), readerOf(principal))),
    }),
    defineRoute({
      method: 'post',
      path: '/notifications/read-all',
      operationId: 'markAllNotificationsRead',
      summary: 'Mark all my notifications read',
      tag: TAG,
      access: 'signed_in',
      responses: { 204: { description: 'Everything addressed to me so far is read.' }, ...STANDARD_ERRORS },
      handler: async (c, { principal }) => {
        await markAllRead(em(), readerOf(principal));
        return c.body(null, 204);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/notifications/:id/read',
      operationId: 'markNotificationRead',
      summary: 'Mark one of my notifications read',
      tag: TAG,
      access: 'signed_in',
      params: z.object({ id: notificationId }),
      responses: { 204: { description: 'Read.' }, 404: { description: 'No notification of mine has this id.', schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { params, principal }) => {
        if (!(await markRead(em(), readerOf(principal), params.id))) throw notFound(`Notification ${params.id} (of yours)`);
        return c.body(null, 204);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/notifications/stream',
      operationId: 'streamNotifications',
      summary: 'Follow my new notifications live',
      tag: TAG,
      access: 'signed_in',
      responses: { 200: { description: 'Server-sent events: `event: notification`, data `{"id": "<id>"}` for each new notification of mine.', contentType: 'text/event-stream' }, ...STANDARD_ERRORS },
      handler: (c) => streamNotifications(c, deps),
    }),
  ];
}

/** New notifications of the caller's as server-sent events; ends when the session or token it was opened with does. */
function streamNotifications(c: Context<AppEnv>, deps: ApiDeps) {
  const principal = c.get('principal');
  const reader = readerOf(principal);
  const credential = credentialOf(principal)!;
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    const queue: string[] = [];
    let ended = false;
    let notify: (() => void) | null = null;
    const end = () => {
      ended = true;
      notify?.();
    };
    stream.onAbort(end);
    const leave = await notificationFeedOf(deps.store).subscribe({
      credential,
      readerId: reader.id,
      roles: reader.roles,
      deliver: (n) => {
        queue.push(String(n.seq));
        notify?.();
      },
      end,
    });
    try {
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (!ended) {
        while (queue.length > 0 && !ended) {
          const id = queue.shift()!;
          await stream.writeSSE({ event: 'notification', id, data: JSON.stringify({ id }) });
        }
        if (ended) break;
        const woken = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => {
            notify = null;
            resolve(false);
          }, HEARTBEAT_MS);
          notify = () => {
            clearTimeout(timer);
            notify = null;
            resolve(true);
          };
        });
        if (!woken) await stream.write(': keep-alive\n\n');
      }
    } finally {
      leave();
    }
  });
}
