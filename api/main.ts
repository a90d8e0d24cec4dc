import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { repoRoot } from '../launcher/repo-root.ts';
import { requiredStep } from '../launcher/required-step.ts';
import { loadTemporalConfig } from '../launcher/temporal-config.ts';
import { connectionOptions } from '../launcher/temporal-connection.ts';
import { openProcessStore } from '../store/open-process-store.ts';
import { describeStore, storeConfigFromEnv } from '../store/store-config.ts';
import { createApp } from './app.ts';
import { ensureFirstAdmin } from './auth/bootstrap-users.ts';
import { createApiMetrics } from './metrics/api-metrics.ts';
import { DEFAULT_METRICS_HOST, serveMetrics } from './metrics/metrics-server.ts';

/** The API process: serves the API and the built designer until SIGINT or SIGTERM; exits 1 when the store cannot be opened at start. */
const config = loadTemporalConfig();
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '127.0.0.1';
const store = await requiredStep('api', `opening the store (${describeStore(storeConfigFromEnv())})`, () => openProcessStore('api'));
const firstAdmin = await ensureFirstAdmin(store.em.fork());
if (firstAdmin?.oneTimePassword) {
  console.log(`[api] created the first admin "${firstAdmin.username}" with the one-time password ${firstAdmin.oneTimePassword} (shown once; it must be changed at first sign-in)`);
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
  temporal: new Client({ connection, namespace: config.connection.namespace }),
  taskQueue: config.connection.taskQueue,
  staticDir: join(repoRoot, 'designer/dist'),
  metrics,
});
const server = serve({ fetch: app.fetch, port, hostname }, (info) => console.log(`[api] listening on http://${hostname}:${info.port}`));

async function stop() {
  // Event streams never end by themselves; close them so the server can.
  if ('closeAllConnections' in server) server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  metricsServer?.close();
  await connection.close();
  await store.close();
  console.log('[api] stopped');
  process.exit(0);
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
