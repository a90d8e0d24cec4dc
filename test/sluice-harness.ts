import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type RuntimeOptions, type Worker, type WorkflowBundle } from '@temporalio/worker';
import { inject } from 'vitest';
import { createApp } from '../api/app.ts';
import { issueToken, secretHashOf } from '../api/auth/api-tokens.ts';
import type { OrderDetail, OrderState, OrderSummary } from '../domain/order.ts';
import type { Role } from '../domain/roles.ts';
import { ApiTokenRecord } from '../store/api-token.entity.ts';
import { openStore, type Store } from '../store/open-store.ts';
import { ranksDisagree } from '../store/order-sort-ranks.ts';
import type { StoreConfig } from '../store/store-config.ts';
import { testStoreConfig } from './temp-store.ts';
import { seedDefaults } from '../store/seed.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { bundleWorkflows, createSluiceWorker } from '../worker/create-worker.ts';

export interface Harness {
  store: Store;
  /** The database behind `store`, for processes of their own (see `storeEnv`). */
  storeConfig: StoreConfig;
  client: Client;
  taskQueue: string;
  workAreaId: string;
  app: ReturnType<typeof createApp>;
  /** `Authorization` headers of an API token bound to the role (one token per role, made on first use). */
  auth(role: Role): Promise<Record<string, string>>;
  /** `app.request` as a caller with the role, JSON content type included. */
  request(path: string, init?: RequestInit & { role?: Role }): Promise<Response>;
  /** Takes a one-line order into the harness's work area, due in so many hours. */
  postOrder(reference: string, dueInHours: number): Promise<OrderSummary>;
  getOrder(id: string): Promise<OrderDetail>;
  /** Waits until the read model shows the order in the state, and answers it. */
  reach(id: string, state: OrderState): Promise<OrderDetail>;
  /** Runs a worker until `close()` (`worker: true` starts one); without it, workflows start but do not move. */
  startWorker(bundle: WorkflowBundle): Promise<Worker>;
  close(): Promise<void>;
}

/** A harness on the store and task queue of an earlier one, as a Sluice started again on its store: the store is the caller's to remove. */
export interface Reopened {
  storeConfig: StoreConfig;
  taskQueue: string;
}

/** Another Temporal server than the run's dev server, e.g. a time-skipping test environment. */
export interface TemporalOverride {
  client: Client;
  workerConnection: NativeConnection;
  namespace: string;
}

// Well inside a hook's time, so that a worker that cannot stop fails the test with its reason rather than a timeout.
const SHUTDOWN_FORCE_TIME = '30s';

/**
 * A real SQLite file, a client of the test run's Temporal server, and the API on top. Each harness gets
 * its own task queue and work area, so test files never share a workflow.
 */
export async function createHarness(options: { wipLimit?: number; staticDir?: string; temporal?: TemporalOverride; worker?: boolean; reopen?: Reopened } = {}): Promise<Harness> {
  quietWorkerLogs();
  const dir = options.reopen ? null : mkdtempSync(join(tmpdir(), 'sluice-test-'));
  const storeConfig = options.reopen?.storeConfig ?? testStoreConfig(dir!);
  const store = await openStore(storeConfig, { migrate: true });
  const suffix = options.reopen?.taskQueue.slice('sluice-test-'.length) ?? randomUUID().slice(0, 8);
  const workAreaId = `test-${suffix}`;
  if (!options.reopen) {
    await seedDefaults(store.em.fork());
    const em = store.em.fork();
    em.create(WorkAreaRecord, { id: workAreaId, name: `Test area ${suffix}`, kind: 'pick_zone', wipLimit: options.wipLimit ?? 1 });
    await em.flush();
  }

  const own = options.temporal ? null : await Connection.connect({ address: inject('temporalAddress') });
  const namespace = options.temporal?.namespace ?? inject('temporalNamespace');
  const client = options.temporal?.client ?? new Client({ connection: own!, namespace });
  const workerConnection = () => (options.temporal ? Promise.resolve(options.temporal.workerConnection) : NativeConnection.connect({ address: inject('temporalAddress') }));
  const taskQueue = `sluice-test-${suffix}`;
  const app = createApp({ store, temporal: client, taskQueue, liveEvents: { pollMs: 50, listeningPollMs: 1_000, credentialCheckMs: 200 }, ...(options.staticDir ? { staticDir: options.staticDir } : {}) });

  const tokens = new Map<Role, string>();
  const auth = async (role: Role) => {
    if (!tokens.has(role)) {
      const issued = issueToken();
      const tx = store.em.fork();
      tx.create(ApiTokenRecord, { id: issued.id, name: `test ${role}`, role, secretHash: secretHashOf(issued.secret), createdBy: 'test', createdAt: new Date(), lastUsedAt: null, revokedAt: null });
      await tx.flush();
      tokens.set(role, issued.token);
    }
    return { authorization: `Bearer ${tokens.get(role)}` };
  };

  const request: Harness['request'] = async (path, { role = 'dispatcher', headers, ...init } = {}) =>
    app.request(path, { ...init, headers: { 'content-type': 'application/json', ...(await auth(role)), ...(headers as Record<string, string>) } });
  const getOrder = async (id: string) => (await (await request(`/orders/${id}`)).json()) as OrderDetail;

  const running: { worker: Worker; run: Promise<void>; connection: NativeConnection }[] = [];
  const harness: Harness = {
    store,
    storeConfig,
    client,
    taskQueue,
    workAreaId,
    app,
    auth,
    request,
    async postOrder(reference, dueInHours) {
      const dueAt = new Date(Date.now() + dueInHours * 3_600_000).toISOString();
      const res = await request('/orders', { method: 'POST', body: JSON.stringify({ reference, account: 'ACME', dueAt, workAreaId, lines: [{ sku: 'A', qty: 1, price: 1 }] }) });
      return (await res.json()) as OrderSummary;
    },
    getOrder,
    async reach(id, state) {
      let last: OrderDetail | undefined;
      return eventually(
        async () => {
          last = await getOrder(id);
          return last.state === state ? last : undefined;
        },
        () => `order ${id} to be ${state} (it is ${last?.state ?? 'unread'}${last?.holds?.length ? `, held: ${last.holds.map((h) => `${h.type}: ${h.reason}`).join('; ')}` : ''})`,
      );
    },
    async startWorker(bundle) {
      const connection = await workerConnection();
      const worker = await createSluiceWorker({ connection, namespace, taskQueue, store, client, workflowBundle: bundle, shutdownForceTime: SHUTDOWN_FORCE_TIME });
      running.push({ worker, run: worker.run(), connection });
      return worker;
    },
    async close() {
      const failed: unknown[] = [];
      for (const { worker, run, connection: c } of running) {
        worker.shutdown();
        await run.catch((err: unknown) => failed.push(err));
        // A connection the caller gave belongs to the caller.
        if (!options.temporal) await c.close();
      }
      await own?.close();
      // Whatever the test did to its orders, every writer of a stated priority or last-mile status kept its sort rank.
      const disagree = await ranksDisagree(store.em.fork());
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
      // A worker still busy when its shutdown gave up (SHUTDOWN_FORCE_TIME) had a workflow whose activity kept failing: its warnings are above.
      if (failed.length > 0) throw new Error(`the worker did not stop cleanly: ${failed.map(String).join('; ')}`);
      if (disagree.length > 0) throw new Error(`orders whose sort ranks disagree with their stated priority or last-mile status (order-sort-ranks.ts): ${disagree.join(', ')}`);
    },
  };
  if (options.worker) await harness.startWorker(await sharedBundle());
  return harness;
}

let bundle: Promise<WorkflowBundle> | undefined;
/** The workflow code, bundled once per test process. */
const sharedBundle = () => (bundle ??= bundleWorkflows());

let runtimeInstalled = false;
/**
 * Worker lifecycle lines drown test output; warnings and errors still show. Once per test process: a test
 * that wants the SDK's metrics calls it with them before its first harness.
 */
export function quietWorkerLogs(telemetryOptions?: RuntimeOptions['telemetryOptions']) {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('WARN'), ...(telemetryOptions ? { telemetryOptions } : {}) });
  runtimeInstalled = true;
}

/** Polls until `check` returns a value, or fails with what it last saw. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string | (() => string), timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
