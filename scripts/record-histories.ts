import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createApp } from '../api/app.ts';
import { issueToken, secretHashOf } from '../api/auth/api-tokens.ts';
import type { OrderDetail, OrderSummary } from '../domain/order.ts';
import type { Role } from '../domain/roles.ts';
import { freePort } from '../launcher/free-port.ts';
import { repoRoot } from '../launcher/repo-root.ts';
import { startDevServer } from '../launcher/temporal-dev-server.ts';
import { ApiTokenRecord } from '../store/api-token.entity.ts';
import { openStore } from '../store/open-store.ts';
import { seedDefaults } from '../store/seed.ts';
import { bundleWorkflows, createSluiceWorker } from '../worker/create-worker.ts';
import { orderWorkflowId } from '../workflows/definitions.ts';

/**
 * `npm run histories:record`: drives the lifecycle's main paths on a fresh dev server and saves each
 * order's workflow history under workflows/histories/. The replay test replays them on every change,
 * so a change to the machine or the workflow that would break running orders fails CI. Re-record only
 * when a change is deliberately incompatible and running orders are handled (patched() or versioning):
 * existing recordings are kept, new scenarios are added.
 */
Runtime.install({ logger: new DefaultLogger('WARN') });
const dir = mkdtempSync(join(tmpdir(), 'sluice-record-'));
const server = await startDevServer({ ip: '127.0.0.1', port: await freePort(), uiPort: false, namespace: 'default', logLevel: 'error' });
const store = await openStore({ file: join(dir, 'sluice.sqlite') });
await seedDefaults(store.em.fork());
const taskQueue = 'record-histories';
const client = new Client({ connection: await Connection.connect({ address: server.address }) });
const worker = await createSluiceWorker({ connection: await NativeConnection.connect({ address: server.address }), namespace: 'default', taskQueue, store, client, workflowBundle: await bundleWorkflows() });
const running = worker.run();
const app = createApp({ store, temporal: client, taskQueue });

async function as(role: Role): Promise<Record<string, string>> {
  const issued = issueToken();
  const em = store.em.fork();
  em.create(ApiTokenRecord, { id: issued.id, name: role, role, secretHash: secretHashOf(issued.secret), createdBy: 'recorder', createdAt: new Date(), lastUsedAt: null, revokedAt: null });
  await em.flush();
  return { authorization: `Bearer ${issued.token}`, 'content-type': 'application/json' };
}
const dispatcher = await as('dispatcher');
const call = async <T>(path: string, body?: unknown): Promise<T> => {
  const res = await app.request(path, { method: body === undefined ? 'GET' : 'POST', headers: dispatcher, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};
const until = async (id: string, state: string) => {
  for (let i = 0; i < 200; i++) {
    if ((await call<OrderDetail>(`/orders/${id}`)).state === state) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`order ${id} never reached ${state}`);
};
const order = (reference: string) =>
  call<OrderSummary>('/orders', { reference, account: 'ACME', dueAt: new Date(Date.now() + 48 * 3_600_000).toISOString(), lines: [{ sku: 'A', qty: 1, price: 1 }] });
const act = (id: string, action: string, extra: Record<string, unknown> = {}) => call(`/orders/${id}/actions`, { action, ...extra });

const recorded: Record<string, string> = {};
try {
  // Happy path: released at once (the default area holds one order at a time), started, completed.
  const happy = await order('HAPPY');
  await until(happy.id, 'released');
  await act(happy.id, 'start');
  await act(happy.id, 'complete');
  recorded['happy-path'] = happy.id;

  // Waits behind another order, is escalated by a person, resolved back to the pool, then released.
  const blocker = await order('BLOCKER');
  await until(blocker.id, 'released');
  const waiting = await order('WAITING');
  await until(waiting.id, 'queued');
  await act(waiting.id, 'escalate', { reason: 'Customer called twice', role: 'dispatcher' });
  await until(waiting.id, 'escalated');
  await act(waiting.id, 'resolve', { reason: 'Promised for today' });
  await until(waiting.id, 'queued');
  await act(blocker.id, 'start');
  await act(blocker.id, 'escalate', { reason: 'Line jammed', role: 'dispatcher' });
  await act(blocker.id, 'resolve');
  await act(blocker.id, 'complete');
  await until(waiting.id, 'released');
  await act(waiting.id, 'start');
  await act(waiting.id, 'complete');
  recorded['escalated-and-resolved'] = waiting.id;
  recorded['escalated-in-progress'] = blocker.id;

  // Cancelled while waiting, and cancelled after release (which frees the slot for the next).
  const holder = await order('HOLDER');
  await until(holder.id, 'released');
  const dropped = await order('DROPPED');
  await until(dropped.id, 'queued');
  await act(dropped.id, 'cancel', { reason: 'Customer withdrew' });
  await act(holder.id, 'cancel', { reason: 'Duplicate' });
  recorded['cancelled-while-waiting'] = dropped.id;
  recorded['cancelled-after-release'] = holder.id;

  for (const [name, id] of Object.entries(recorded)) {
    const file = join(repoRoot, 'workflows/histories', `${name}.json`);
    // A recording made by older code is what proves compatibility: it is never overwritten.
    if (existsSync(file)) {
      console.log(`kept workflows/histories/${name}.json`);
      continue;
    }
    const history = await client.workflow.getHandle(orderWorkflowId(id)).fetchHistory();
    writeFileSync(file, `${JSON.stringify(history, null, 1)}\n`);
    console.log(`recorded workflows/histories/${name}.json (${history.events?.length ?? 0} events)`);
  }
} finally {
  worker.shutdown();
  await running;
  await store.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
