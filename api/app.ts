import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { ApiDeps } from './api-deps.ts';
import { handleError, UserError } from './errors.ts';
import { eventRoutes } from './routes/events.ts';
import { orderRoutes } from './routes/orders.ts';
import { rulesetRoutes } from './routes/rulesets.ts';
import { workAreaRoutes } from './routes/work-areas.ts';

/** The HTTP API and, at `/`, the built designer. */
export function createApp(deps: ApiDeps) {
  const app = new Hono()
    .route('/orders', orderRoutes(deps))
    .route('/rulesets', rulesetRoutes(deps))
    .route('/work-areas', workAreaRoutes(deps))
    .route('/events', eventRoutes(deps));
  app.onError(handleError);

  const staticDir = deps.staticDir;
  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    const root = relative(process.cwd(), staticDir);
    app.use('/assets/*', serveStatic({ root }));
    app.get('/', serveStatic({ root, path: 'index.html' }));
  } else {
    app.get('/', (c) => c.text('The designer is not built yet: run `npm run build`, then reload.', 503));
  }
  app.notFound((c) => handleError(new UserError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`), c));
  return app;
}
