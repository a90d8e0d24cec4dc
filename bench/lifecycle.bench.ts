import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createApp } from '../api/app.ts';
import { issueToken, secretHashOf } from '../api/auth/api-tokens.ts';
import type { OrderSummary } from '../domain/order.ts';
import { freePort } from '../launcher/free-port.ts';
import { repoRoot } from '../launcher/repo-root.ts';
import { startDevServer } from '../launcher/temporal-dev-server.ts';
import { ApiTokenRecord } from '../store/api-token.entity.ts';
import { AuditEntryRecord } from '../store/audit-entry.entity.ts';
import { openStore, type Store } from '../store/open-store.ts';
import { seedDefaults } from '../store/seed.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { bundleWorkflows, createSluiceWorker } from '../worker/create-worker.ts';
import { orderActionUpdate, orderWorkflowId } from '../workflows/definitions.ts';
import { bareActivities } from './bare-activities.ts';
import type { bareOrderWorkflow } from './bare-order.workflow.ts';
import { bareActionUpdate, bareReleaseSignal } from './bare-order.workflow.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 200);
const WARM_UP = 20;

/** Tails the audit log (as the live event stream does) and tells when an order has been released and assigned. */
function releaseWatcher(store: Store) {
  const waiting = new Map<string, () => void>();
  const released = new Set<string>();
  let cursor = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const entries = await store.em.fork().find(AuditEntryRecord, { seq: { $gt: cursor }, toState: 'assigned' }, { orderBy: { seq: 'asc' } });
      for (const e of entries) {
        cursor = e.seq;
        released.add(e.subjectId);
        waiting.get(e.subjectId)?.();
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    released: (id: string) => (released.has(id) ? Promise.resolve() : new Promise<void>((resolve) => waiting.set(id, resolve))),
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

/**
 * `npm run bench -- lifecycle`: orders per second through a pick order's happy path (intake, priority,
 * deadline and remit decisions, release by the area, assignment, start, complete, close) on a dev server, against a bare workflow
 * with the same number of activities, signals and updates, in the same run.
 */
export async function run(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-'));
  const server = await startDevServer({ ip: '127.0.0.1', port: await freePort(), uiPort: false, namespace: 'default', logLevel: 'error' });
  const store = await openStore({ file: join(dir, 'sluice.sqlite') });
  await seedDefaults(store.em.fork());
  const em = store.em.fork();
  em.create(WorkAreaRecord, { id: 'bench', name: 'Bench area', kind: 'pick_zone', wipLimit: ORDERS + WARM_UP });
  const issued = issueToken();
  em.create(ApiTokenRecord, { id: issued.id, name: 'bench', role: 'dispatcher', secretHash: secretHashOf(issued.secret), createdBy: 'bench', createdAt: new Date(), lastUsedAt: null, revokedAt: null });
  await em.flush();
  const headers = { authorization: `Bearer ${issued.token}`, 'content-type': 'application/json' };

  const client = new Client({ connection: await Connection.connect({ address: server.address }) });
  const sluiceWorker = await createSluiceWorker({ connection: await NativeConnection.connect({ address: server.address }), namespace: 'default', taskQueue: 'bench-sluice', store, client, workflowBundle: await bundleWorkflows() });
  const bareWorker = await Worker.create({ connection: await NativeConnection.connect({ address: server.address }), taskQueue: 'bench-bare', workflowsPath: join(repoRoot, 'bench/bare-order.workflow.ts'), activities: bareActivities });
  const running = [sluiceWorker.run(), bareWorker.run()];
  const app = createApp({ store, temporal: client, taskQueue: 'bench-sluice' });
  const watcher = releaseWatcher(store);

  const sluiceOrder = async (i: number) => {
    const res = await app.request('/orders', { method: 'POST', headers, body: JSON.stringify({ reference: `B-${i}`, account: 'ACME', dueAt: new Date(Date.now() + 48 * 3_600_000).toISOString(), workAreaId: 'bench', lines: [{ sku: 'A', qty: 1, price: 1 }] }) });
    const { id } = (await res.json()) as OrderSummary;
    const handle = client.workflow.getHandle(orderWorkflowId(id));
    await watcher.released(id);
    await handle.executeUpdate(orderActionUpdate, { args: [{ action: 'start', actor: 'bench' }] });
    await handle.executeUpdate(orderActionUpdate, { args: [{ action: 'complete', actor: 'bench' }] });
    await handle.result();
    return id;
  };
  let activityCount = 0;
  const bareOrder = async (i: number) => {
    const handle = await client.workflow.start<typeof bareOrderWorkflow>('bareOrderWorkflow', { workflowId: `bare-${i}-${Date.now()}`, taskQueue: 'bench-bare', args: [activityCount] });
    await handle.signal(bareReleaseSignal);
    await handle.executeUpdate(bareActionUpdate, { args: ['start'] });
    await handle.executeUpdate(bareActionUpdate, { args: ['complete'] });
    await handle.result();
  };
  const measure = async (label: string, one: (i: number) => Promise<unknown>, offset: number) => {
    const started = performance.now();
    await Promise.all(Array.from({ length: ORDERS }, (_, i) => one(offset + i)));
    const seconds = (performance.now() - started) / 1000;
    return { label, seconds, perSecond: ORDERS / seconds };
  };

  try {
    // One order first, to count what the happy path does; the baseline does as much.
    const probe = await sluiceOrder(-1);
    const history = await client.workflow.getHandle(orderWorkflowId(probe)).fetchHistory();
    activityCount = (history.events ?? []).filter((e) => e.activityTaskScheduledEventAttributes).length;
    await Promise.all(Array.from({ length: WARM_UP }, (_, i) => Promise.all([sluiceOrder(1_000_000 + i), bareOrder(1_000_000 + i)])));

    const bare = await measure('bare workflow', bareOrder, 0);
    const sluice = await measure('Sluice happy path', sluiceOrder, 0);
    console.log(`Lifecycle benchmark: ${ORDERS} orders at once on a local dev server (${activityCount} activities, 1 signal, 2 updates each), Node ${process.version}.\n`);
    for (const r of [bare, sluice]) console.log(`  ${r.label.padEnd(20)} ${r.seconds.toFixed(2).padStart(7)} s   ${r.perSecond.toFixed(1).padStart(7)} orders/s`);
    const ratio = sluice.perSecond / bare.perSecond;
    console.log(`\n  ratio Sluice / bare: ${ratio.toFixed(2)} (target ≥ 0.80: ${ratio >= 0.8 ? 'met' : 'not met'})`);
    console.log('  Sluice also writes the read model, audit log and decisions to SQLite in every activity; the baseline writes nothing.');
  } finally {
    await watcher.stop();
    sluiceWorker.shutdown();
    bareWorker.shutdown();
    await Promise.all(running);
    await store.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
