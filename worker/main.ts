import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { readinessChecks, readinessProbe } from '../api/readiness.ts';
import { requiredStep } from '../launcher/required-step.ts';
import { loadTemporalConfig } from '../launcher/temporal-config.ts';
import { connectionOptions } from '../launcher/temporal-connection.ts';
import { announcer, log, logProcess } from '../logging/logger.ts';
import { openProcessStore } from '../store/open-process-store.ts';
import { describeStore, storeConfigFromEnv } from '../store/store-config.ts';
import { runAnnouncementRelay } from '../api/announcement-relay.ts';
import { runWebhookRelay } from '../api/webhooks/webhook-relay.ts';
import { webhookSettingsFromEnv } from '../activities/webhooks/webhook-settings.ts';
import { bundleWorkflows, createSluiceWorker } from './create-worker.ts';
import { tracingWanted } from '../tracing/tracing-wanted.ts';
import { serveHealth } from './health-server.ts';
import { runDeadlineNotifier } from './deadline-notifier.ts';
import { runIntakeSweeper } from './intake-sweeper.ts';
import { workerRuntimeOptions } from './runtime-options.ts';

/**
 * The worker process: runs workflows and activities until SIGINT or SIGTERM (Temporal's runtime handles both).
 * It exits non-zero when it cannot work, at start or when its run fails, so that its supervisor restarts it.
 */
logProcess('worker');
// The core's own lines are forwarded to the process's logger too (see runtime-options.ts).
Runtime.install(workerRuntimeOptions());
// Off by default, and then nothing of OpenTelemetry is loaded and the workflow bundle is the untraced one.
const tracing = tracingWanted() ? await import('../tracing/start-tracing.ts').then((t) => t.startTracing('sluice-worker')) : null;
const traced = tracing ? (await import('../tracing/worker-tracing.ts')).workerTracing(tracing) : undefined;
const config = loadTemporalConfig();
const { namespace, taskQueue } = config.connection;
const options = connectionOptions(config);
const store = await requiredStep('worker', `opening the store (${describeStore(storeConfigFromEnv())})`, () => openProcessStore('worker'));
const reaching = `reaching Temporal at ${options.address} (namespace ${namespace})`;
const clientConnection = await requiredStep('worker', reaching, () => Connection.connect(options));
const connection = await requiredStep('worker', reaching, () => NativeConnection.connect(options));
const client = new Client({ connection: clientConnection, namespace, ...(traced ? { interceptors: { workflow: traced.clientInterceptors } } : {}) });
const worker = await requiredStep('worker', 'creating the worker', async () =>
  createSluiceWorker({ connection, namespace, taskQueue, store, client, workflowBundle: await bundleWorkflows(traced), ...(traced ? { tracing: traced } : {}) }),
);
const healthPort = process.env.SLUICE_WORKER_HEALTH_PORT;
const polling = {
  name: 'worker',
  check: async () => {
    if (worker.getState() !== 'RUNNING') throw new Error(`the worker is ${worker.getState()}`);
  },
};
const readiness = readinessProbe([...readinessChecks(store, client), polling], (line) => log.warn(line));
const health = healthPort
  ? await requiredStep('worker', `serving health checks on SLUICE_WORKER_HEALTH_PORT=${healthPort}`, () =>
      serveHealth({ port: Number(healthPort), hostname: process.env.HOST ?? '127.0.0.1', readiness }),
    )
  : null;
const metricsPort = process.env.SLUICE_WORKER_METRICS_PORT;
announcer().info({ taskQueue, namespace, address: options.address, ...(health ? { healthPort: Number(healthPort) } : {}), ...(metricsPort ? { sdkMetricsPort: Number(metricsPort) } : {}) }, 'polling the task queue');
const sweeper = runIntakeSweeper({ store, temporal: client, taskQueue });
const deadlineNotifier = runDeadlineNotifier({ store });
const relay = runAnnouncementRelay({ store, temporal: client, taskQueue });
const webhookRelay = runWebhookRelay({ store, temporal: client, taskQueue, settings: webhookSettingsFromEnv() });
try {
  await worker.run();
} catch (error) {
  log.error({ err: error }, 'the worker run failed');
  process.exitCode = 1;
} finally {
  await relay.stop();
  await webhookRelay.stop();
  health?.close();
  await sweeper.stop();
  await deadlineNotifier.stop();
  await connection.close();
  await clientConnection.close();
  await store.close();
  await tracing?.shutdown();
  log.info('stopped');
}
