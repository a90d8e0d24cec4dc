import type { Context, MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import { withLogContext } from '../logging/log-context.ts';
import { log, type Logger } from '../logging/logger.ts';
import { actorOf, type AppEnv } from './auth/principal.ts';

const ORDER_PATH = /^\/orders\/([^/]+)/;

/** The order a request is about: its path's (`/orders/:id/…`) or, for one that takes an order, its answer's `Location`. */
export function orderIdOf(c: Context): string | undefined {
  const path = c.req.path.match(ORDER_PATH) ?? c.res.headers.get('Location')?.match(ORDER_PATH);
  return path?.[1] ? decodeURIComponent(path[1]) : undefined;
}

/**
 * Gives every request an id (the caller's `X-Request-Id` when it is short and plain, else a new one;
 * echoed in the answer), which every line logged while serving it carries, and writes one access line
 * once it is answered. That line names the route's pattern rather than the query, and the caller by
 * name: never a header, a body, a token or a password.
 */
export function requestLog(logger: Logger = log): MiddlewareHandler<AppEnv>[] {
  return [
    requestId({ limitLength: 128 }),
    async (c, next) => {
      const started = performance.now();
      await withLogContext({ requestId: c.get('requestId') }, next);
      const principal = c.get('principal');
      const orderId = orderIdOf(c);
      logger.info(
        {
          requestId: c.get('requestId'),
          method: c.req.method,
          route: routePath(c, -1),
          status: c.res.status,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          ...(principal ? { actor: actorOf(principal) } : {}),
          ...(orderId ? { orderId } : {}),
        },
        'request',
      );
    },
  ];
}
