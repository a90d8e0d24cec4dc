import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createApp } from '../api/app.ts';
import { issueToken, secretHashOf } from '../api/auth/api-tokens.ts';
import type { OrderSummary } from '../domain/order.ts';
import { freePort } from '../launcher/free-port.ts';
import { startDevServer } from '../launcher/temporal-dev-server.ts';
import { ApiTokenRecord } from '../store/api-token.entity.ts';
import { openStore, type Store } from '../store/open-store.ts';
import { seedDefaults } from '../store/seed.ts';
import type { StoreConfig } from '../store/store-config.ts';
import { bundleWorkflows, createSluiceWorker } from '../worker/create-worker.ts';
import { runIntakeSweeper } from '../worker/intake-sweeper.ts';

export interface DevStack {
  store: Store;
  client: Client;
  /** The dev server's process, so a benchmark can tell its CPU time from Node's. */
  serverPid: number;
  /** Posts an order through the API, as an integration would, and answers its id. */
  postOrder(order: Record<string, unknown>): Promise<string>;
  /** Runs a further worker (a baseline's) on the same dev server until the stack stops. */
  startWorker(options: { taskQueue: string; workflowsPath: string; activities: object }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Sluice as a benchmark drives it, all in this process: a local Temporal dev server, a seeded store (SQLite
 * in a temporary folder unless `storeConfig` names another), a Sluice worker on `taskQueue` with its intake sweeper, and the API, with a dispatcher's token to post orders.
 */
let runtimeInstalled = false;

export async function startDevStack(taskQueue: string, storeConfig?: StoreConfig): Promise<DevStack> {
  // The runtime is one per process; a benchmark may start a stack per store.
  if (!runtimeInstalled) Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-'));
  const server = await startDevServer({ ip: '127.0.0.1', port: await freePort(), uiPort: false, namespace: 'default', logLevel: 'error' });
  const store = await openStore(storeConfig ?? { kind: 'sqlite', file: join(dir, 'sluice.sqlite') }, { migrate: true });
  await seedDefaults(store.em.fork());
  const em = store.em.fork();
  const issued = issueToken();
  em.create(ApiTokenRecord, { id: issued.id, name: 'bench', role: 'dispatcher', secretHash: secretHashOf(issued.secret), createdBy: 'bench', createdAt: new Date(), lastUsedAt: null, revokedAt: null });
  await em.flush();
  const headers = { authorization: `Bearer ${issued.token}`, 'content-type': 'application/json' };

  const client = new Client({ connection: await Connection.connect({ address: server.address }) });
  const workers: Worker[] = [await createSluiceWorker({ connection: await NativeConnection.connect({ address: server.address }), namespace: 'default', taskQueue, store, client, workflowBundle: await bundleWorkflows() })];
  const running = [workers[0]!.run()];
  const app = createApp({ store, temporal: client, taskQueue });
  // As in a worker process: an order whose workflow start timed out on a loaded machine is started later, not lost.
  const sweeper = runIntakeSweeper({ store, temporal: client, taskQueue, intervalMs: 2_000 });

  return {
    store,
    client,
    serverPid: server.pid,
    postOrder: async (order) => {
      const res = await app.request('/orders', { method: 'POST', headers, body: JSON.stringify(order) });
      if (!res.ok) throw new Error(`POST /orders answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as OrderSummary).id;
    },
    startWorker: async ({ taskQueue: queue, workflowsPath, activities }) => {
      const worker = await Worker.create({ connection: await NativeConnection.connect({ address: server.address }), taskQueue: queue, workflowsPath, activities });
      workers.push(worker);
      running.push(worker.run());
    },
    stop: async () => {
      await sweeper.stop();
      for (const worker of workers) worker.shutdown();
      await Promise.all(running);
      await store.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
