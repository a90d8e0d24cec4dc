import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type LogLevel } from '@temporalio/worker';
import { connectionOptions, loadTemporalConfig } from '../launcher/temporal-config.ts';
import { openStore } from '../store/open-store.ts';
import { storeConfigFromEnv } from '../store/store-config.ts';
import { runAnnouncementRelay } from '../api/announcement-relay.ts';
import { bundleWorkflows, createSluiceWorker } from './create-worker.ts';
import { runIntakeSweeper } from './intake-sweeper.ts';

/** The worker process: runs workflows and activities until SIGINT or SIGTERM (Temporal's runtime handles both). */
Runtime.install({ logger: new DefaultLogger((process.env.SLUICE_WORKER_LOG_LEVEL ?? 'WARN') as LogLevel) });
const config = loadTemporalConfig();
const { namespace, taskQueue } = config.connection;
const options = connectionOptions(config);
const store = await openStore(storeConfigFromEnv());
const clientConnection = await Connection.connect(options);
const connection = await NativeConnection.connect({
  address: options.address,
  tls: Boolean(options.tls),
  ...(options.apiKey ? { apiKey: String(options.apiKey) } : {}),
});
const client = new Client({ connection: clientConnection, namespace });
const worker = await createSluiceWorker({
  connection,
  namespace,
  taskQueue,
  store,
  client,
  workflowBundle: await bundleWorkflows(),
});
console.log(`[worker] polling task queue "${taskQueue}" in namespace "${namespace}" at ${options.address}`);
const sweeper = runIntakeSweeper({ store, temporal: client, taskQueue });
const relay = runAnnouncementRelay({ store, temporal: client, taskQueue });
try {
  await worker.run();
} finally {
  await relay.stop();
  await sweeper.stop();
  await connection.close();
  await clientConnection.close();
  await store.close();
  console.log('[worker] stopped');
}
