import type { Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../auth/principal.ts';
import { readBody, validate } from '../read-body.ts';
import { enforceAccess } from './enforce-access.ts';
import type { AnyRoute } from './route.ts';

/** Refuses to start with a route that does not say who may call it: access is denied by default. */
export function checkRoutes(routes: readonly AnyRoute[]): void {
  const seen = new Set<string>();
  for (const route of routes) {
    const name = `${route.method.toUpperCase()} ${route.path}`;
    if (!route.access) throw new Error(`${name} has no access policy: every route must say who may call it.`);
    if (seen.has(name)) throw new Error(`${name} is declared twice.`);
    seen.add(name);
  }
}

/** Mounts each route behind its policy and its input schemas: nothing reaches a handler unchecked. */
export function mountRoutes(app: Hono<AppEnv>, routes: readonly AnyRoute[], authenticate: MiddlewareHandler<AppEnv>): void {
  checkRoutes(routes);
  for (const route of routes) {
    app.on(route.method.toUpperCase(), route.path, authenticate, async (c) => {
      const principal = c.get('principal');
      enforceAccess(route, principal, c.req.method, c.req.header('X-CSRF-Token'));
      const params = route.params ? validate(route.params, c.req.param(), 'path') : undefined;
      const query = route.query ? validate(route.query, c.req.query(), 'query') : undefined;
      const body = route.body ? await readBody(c, route.body) : undefined;
      return route.handler(c, { params, query, body, principal });
    });
  }
}
