import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { repoRoot } from '../launcher/repo-root.ts';
import { requiredStep } from '../launcher/required-step.ts';
import { loadTemporalConfig } from '../launcher/temporal-config.ts';
import { connectionOptions } from '../launcher/temporal-connection.ts';
import { announcer, log, logProcess } from '../logging/logger.ts';
import { openProcessStore } from '../store/open-process-store.ts';
import { describeStore, storeConfigFromEnv } from '../store/store-config.ts';
import { tracingWanted } from '../tracing/tracing-wanted.ts';
import { createApp } from './app.ts';
import { ensureFirstAdmin } from './auth/bootstrap-users.ts';
import { createApiMetrics } from './metrics/api-metrics.ts';
import { DEFAULT_METRICS_HOST, serveMetrics } from './metrics/metrics-server.ts';
import { firstAdminFile, saveOneTimePassword } from './auth/first-admin-file.ts';

/** The API process: serves the API and the built designer until SIGINT or SIGTERM; exits 1 when the store cannot be opened at start. */
logProcess('api');
// Off by default, and then nothing of OpenTelemetry is loaded.
const tracing = tracingWanted() ? (await import('../tracing/api-tracing.ts')).startApiTracing() : null;
const config = loadTemporalConfig();
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '127.0.0.1';
const storeConfig = storeConfigFromEnv();
const store = await requiredStep('api', `opening the store (${describeStore(storeConfig)})`, () => openProcessStore('api'));
const firstAdmin = await ensureFirstAdmin(store.em.fork());
if (firstAdmin?.oneTimePassword) {
  const file = firstAdminFile(storeConfig);
  saveOneTimePassword({ username: firstAdmin.username, oneTimePassword: firstAdmin.oneTimePassword }, file);
  log.warn({ username: firstAdmin.username, file }, 'created the first admin with a one-time password, written to the file (readable by this user only): sign in with it, choose a new password, then delete the file');
}
// Lazy: an API whose Temporal is down still takes orders (202, started later by the intake sweeper) and says so in /readyz.
const connection = Connection.lazy(connectionOptions(config));
const metricsPort = process.env.SLUICE_METRICS_PORT;
const metrics = metricsPort ? createApiMetrics(store) : undefined;
const metricsServer =
  metrics &&
  (await requiredStep('api', `serving /metrics on SLUICE_METRICS_PORT=${metricsPort}`, () =>
    serveMetrics({ port: Number(metricsPort), hostname: process.env.SLUICE_METRICS_HOST ?? DEFAULT_METRICS_HOST, metrics }),
  ));
const app = createApp({
  store,
  temporal: new Client({ connection, namespace: config.connection.namespace, ...(tracing ? { interceptors: { workflow: tracing.clientInterceptors } } : {}) }),
  taskQueue: config.connection.taskQueue,
  staticDir: join(repoRoot, 'designer/dist'),
  metrics,
  ...(tracing ? { requestSpans: tracing.requestSpans } : {}),
});
const server = serve({ fetch: app.fetch, port, hostname }, (info) => announcer().info(`listening on http://${hostname}:${info.port}`));

async function stop() {
  // Event streams never end by themselves; close them so the server can.
  if ('closeAllConnections' in server) server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  metricsServer?.close();
  await connection.close();
  await store.close();
  await tracing?.shutdown();
  log.info('stopped');
  process.exit(0);
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
