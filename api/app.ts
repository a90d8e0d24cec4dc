import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import type { ApiDeps } from './api-deps.ts';
import { authenticate } from './auth/authenticate.ts';
import { compressWholeAnswers } from './compression/compress-whole-answers.ts';
import { serveDesigner } from './designer-page.ts';
import { documentRoutes } from './documents/document-routes.ts';
import { returnRoutes } from './returns/return-routes.ts';
import { tripPlanRoutes } from './trips/trip-plan-routes.ts';
import { tripRoutes } from './trips/trip-routes.ts';
import { driverApiRoutes } from './drivers/driver-api-routes.ts';
import { driverRoutes } from './drivers/driver-routes.ts';
import { driverThreadRoutes } from './drivers/driver-thread-routes.ts';
import { hubRouteRoutes } from './hub-routes/hub-route-routes.ts';
import { waybillRoutes } from './waybills/waybill-routes.ts';
import { conversationRoutes } from './conversations/conversation-routes.ts';
import { supportRoutes } from './support/support-routes.ts';
import { zoneRoutes } from './zones/zone-routes.ts';
import { mapTilesFromEnv, tileOrigin } from './zones/map-tiles.ts';
import { reconciliationRoutes } from './reconciliation/reconciliation-routes.ts';
import type { AppEnv } from './auth/principal.ts';
import { handleError, UserError } from './errors.ts';
import { allowedMethods } from './registry/allowed-methods.ts';
import { MAX_IMPORT_BYTES } from '../domain/order-import.ts';
import { IMPORTS_PATH, importRoutes } from './imports/import-routes.ts';
import { catalogueRoutes, stockRoutes } from './inventory/inventory-routes.ts';
import { importTemplateRoutes } from './imports/template-routes.ts';
import { mountRoutes } from './registry/mount-routes.ts';
import { requestLog } from './request-log.ts';
import type { AnyRoute } from './registry/route.ts';
import { accountRoutes } from './accounts/account-routes.ts';
import { authRoutes } from './routes/auth.ts';
import { backtestRoutes } from './routes/backtest.ts';
import { decisionPointRoutes } from './routes/decision-points.ts';
import { docsRoutes } from './routes/docs.ts';
import { eventRoutes } from './routes/events.ts';
import { notificationRoutes } from './notifications/notification-routes.ts';
import { exportRoutes } from './routes/exports.ts';
import { healthRoutes } from './routes/health.ts';
import { ORDER_BATCH_PATH, orderBatchRoutes } from './routes/order-batch.ts';
import { orderRoutes } from './routes/orders.ts';
import { bulkJobRoutes } from './bulk-jobs/bulk-job-routes.ts';
import { rulesetChangeRequestRoutes } from './routes/ruleset-change-requests.ts';
import { rulesetTestingRoutes } from './routes/ruleset-testing.ts';
import { rulesetRoutes } from './routes/rulesets.ts';
import { rulesetLockRoutes } from './routes/ruleset-locks.ts';
import { savedViewRoutes } from './routes/saved-views.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { trendRoutes } from './routes/trends.ts';
import { userRoutes } from './routes/users.ts';
import { resourceRoutes } from './routes/resources.ts';
import { releaseGroupRoutes } from './routes/release-groups.ts';
import { workAreaRoutes } from './routes/work-areas.ts';
import { webhookRoutes } from './webhooks/webhook-routes.ts';
import { malformedTokens, publicTrackingHeaders, trackingRoutes } from './tracking/tracking-routes.ts';

export const MAX_BODY_BYTES = 1024 * 1024;
/** A batch of orders carries up to a thousand of them. */
export const MAX_BATCH_BODY_BYTES = 16 * 1024 * 1024;

/** Every route of the API, each with its schemas and policy. */
export function apiRoutes(deps: ApiDeps): AnyRoute[] {
  const routes: AnyRoute[] = [
    ...authRoutes(deps),
    ...orderRoutes(deps),
    ...savedViewRoutes(deps),
    ...orderBatchRoutes(deps),
    ...bulkJobRoutes(deps),
    ...importRoutes(deps),
    ...importTemplateRoutes(deps),
    ...catalogueRoutes(deps),
    ...stockRoutes(deps),
    ...accountRoutes(deps),
    ...decisionPointRoutes(deps),
    ...rulesetRoutes(deps),
    ...rulesetLockRoutes(deps),
    ...rulesetTestingRoutes(deps),
    ...rulesetChangeRequestRoutes(deps),
    ...backtestRoutes(deps),
    ...workAreaRoutes(deps),
    ...trendRoutes(deps),
    ...releaseGroupRoutes(deps),
    ...resourceRoutes(deps),
    ...eventRoutes(deps),
    ...notificationRoutes(deps),
    ...exportRoutes(deps),
    ...userRoutes(deps),
    ...tokenRoutes(deps),
    ...webhookRoutes(deps),
    ...documentRoutes(deps),
    ...returnRoutes(deps),
    ...tripPlanRoutes(deps),
    ...tripRoutes(deps),
    ...driverRoutes(deps),
    ...driverApiRoutes(deps),
    ...driverThreadRoutes(deps),
    ...hubRouteRoutes(deps),
    ...waybillRoutes(deps),
    ...conversationRoutes(deps),
    ...supportRoutes(deps),
    ...zoneRoutes(deps),
    ...reconciliationRoutes(deps),
    ...trackingRoutes(deps),
    ...healthRoutes(deps),
  ];
  routes.push(...docsRoutes(() => routes));
  return routes;
}

/** The HTTP API and, at `/`, the built designer. */
export function createApp(deps: ApiDeps) {
  const app = new Hono<AppEnv>();
  app.use(...requestLog());
  if (deps.requestSpans) app.use(deps.requestSpans);
  if (deps.metrics) app.use(deps.metrics.http);
  // Outside secureHeaders, so that the customer's pages get their stricter headers last.
  app.use('/track/*', publicTrackingHeaders);
  app.use('/public/track/*', publicTrackingHeaders);
  const mapTiles = deps.mapTiles === undefined ? mapTilesFromEnv() : deps.mapTiles;
  // MapLibre fetches configured tiles itself and paints them from blob URLs; without tiles it fetches nothing.
  const tiles = mapTiles ? [tileOrigin(mapTiles.url)!] : [];
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", NONCE],
        styleSrc: ["'self'", NONCE],
        imgSrc: ["'self'", 'data:', ...(tiles.length ? ['blob:', ...tiles] : [])],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...tiles],
        // MapLibre GL runs its tile parsing in a worker it starts from a blob of its own code.
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'same-origin',
    }),
  );
  app.use(compressWholeAnswers());
  app.use('/track/*', malformedTokens);
  app.use('/public/track/*', malformedTokens);
  const limitTo = (maxSize: number) =>
    bodyLimit({ maxSize, onError: (c) => handleError(new UserError(413, 'body_too_large', `The request body is larger than ${maxSize / 1024} KiB.`), c) });
  const [bodyLimited, batchLimited, importLimited] = [limitTo(MAX_BODY_BYTES), limitTo(MAX_BATCH_BODY_BYTES), limitTo(MAX_IMPORT_BYTES)];
  app.use((c, next) => (c.req.path === ORDER_BATCH_PATH ? batchLimited : c.req.path === IMPORTS_PATH ? importLimited : bodyLimited)(c, next));
  const routes = apiRoutes({ ...deps, mapTiles });
  mountRoutes(app, routes, authenticate(deps.store));
  app.onError(handleError);
  serveDesigner(app, deps.staticDir, deps.store);
  app.notFound((c) => {
    const allowed = allowedMethods(routes, c.req.path);
    if (allowed.length === 0) return handleError(new UserError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`), c);
    c.header('Allow', allowed.join(', '));
    return handleError(new UserError(405, 'method_not_allowed', `${c.req.path} does not take ${c.req.method}; it takes ${allowed.join(', ')}.`), c);
  });
  return app;
}
