import { join } from 'node:path';
import { WorkflowUpdateRPCTimeoutOrCancelledError, type WorkflowHandle } from '@temporalio/client';
import { repoRoot } from '../launcher/repo-root.ts';
import { startThrowawayPostgres } from '../launcher/throwaway-postgres.ts';
import type { StoreConfig } from '../store/store-config.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { orderActionUpdate, orderWorkflowId } from '../workflows/definitions.ts';
import { tailAudit } from './audit-tail.ts';
import { bareActivities, reached } from './bare-activities.ts';
import type { bareOrderWorkflow, BareShape } from './bare-order.workflow.ts';
import { bareActionUpdate, bareReleaseSignal } from './bare-order.workflow.ts';
import { cpuSeconds, processTreeCpuSeconds } from './cpu-time.ts';
import { startDevStack } from './dev-stack.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 200);
const WARM_UP = 20;

/**
 * The baseline's shape: a pick order's happy path as revision 3 ran it, every decision and record a
 * server activity (16). Fixed, so that cutting Sluice's round trips shows as Sluice gaining on it.
 */
const BASELINE: BareShape = { beforeRelease: 7, beforeAssigned: 4, perAction: [2, 3] };
const TARGET = 1.6;

/**
 * `npm run bench -- lifecycle [--store postgres]`: on SQLite, and with `--store postgres` then on a
 * throwaway PostgreSQL too, orders per second through a pick order's happy path (intake, priority,
 * deadline and remit decisions, release by the area, assignment, start, complete, close) on a dev server, against a bare workflow
 * with the 16 activities, the signal and the updates that path took when each decision was a server activity, in the same order, in the same run.
 */
export async function run(): Promise<void> {
  await lifecycleOn('SQLite');
  if (!process.argv.includes('postgres')) return;
  const server = await startThrowawayPostgres();
  try {
    await lifecycleOn('PostgreSQL', { kind: 'postgres', url: `${server.serverUrl}/bench` }, server.pid);
  } finally {
    server.stop();
  }
}

/** `databasePid`: PostgreSQL's postmaster, whose processes' CPU each batch also counts (SQLite's is Node's own). */
async function lifecycleOn(storeName: string, storeConfig?: StoreConfig, databasePid?: number): Promise<void> {
  const stack = await startDevStack('bench-sluice', storeConfig);
  const { store, client } = stack;
  const em = store.em.fork();
  em.create(WorkAreaRecord, { id: 'bench', name: 'Bench area', kind: 'pick_zone', wipLimit: ORDERS + WARM_UP });
  await em.flush();
  await stack.startWorker({ taskQueue: 'bench-bare', workflowsPath: join(repoRoot, 'bench/bare-order.workflow.ts'), activities: bareActivities });
  // Released and assigned: the order is the worker's to start.
  const assigned = tailAudit(store, ['assigned'], 20);

  const sluiceOrder = async (i: number) => {
    const id = await stack.postOrder({ reference: `B-${i}`, account: 'ACME', dueAt: new Date(Date.now() + 48 * 3_600_000).toISOString(), workAreaId: 'bench', lines: [{ sku: 'A', qty: 1, price: 1 }] });
    const handle = client.workflow.getHandle(orderWorkflowId(id));
    await assigned.next((e) => e.subjectId === id);
    for (const action of ['start', 'complete'] as const) await patiently(() => handle.executeUpdate(orderActionUpdate, { args: [{ action, actor: 'bench' }], updateId: action }));
    await handle.result();
    return id;
  };
  // Released when it waits for release, and acted on once assigned, as a Sluice order is: not all at once.
  const bareOrder = async (i: number) => {
    const workflowId = `bare-${i}-${Date.now()}`;
    const [waiting, assigned] = [reached(workflowId, 'waiting'), reached(workflowId, 'assigned')];
    const handle = await client.workflow.start<typeof bareOrderWorkflow>('bareOrderWorkflow', { workflowId, taskQueue: 'bench-bare', args: [BASELINE] });
    await waiting;
    await handle.signal(bareReleaseSignal);
    await assigned;
    for (const action of ['start', 'complete']) await patiently(() => handle.executeUpdate(bareActionUpdate, { args: [action], updateId: action }));
    await handle.result();
  };
  // One batch of orders at once: its wall time and the CPU time it cost Node (all threads), the Temporal server and PostgreSQL.
  type Batch = { seconds: number; node: number; server: number; database: number };
  const databaseCpu = () => (databasePid === undefined ? 0 : processTreeCpuSeconds(databasePid));
  const batch = async (one: (i: number) => Promise<unknown>, offset: number): Promise<Batch> => {
    const [started, cpuBefore, databaseBefore] = [performance.now(), cpuSeconds(stack.serverPid), databaseCpu()];
    await Promise.all(Array.from({ length: ORDERS }, (_, i) => one(offset + i)));
    const [cpuAfter, databaseAfter] = [cpuSeconds(stack.serverPid), databaseCpu()];
    return { seconds: (performance.now() - started) / 1000, node: cpuAfter.node - cpuBefore.node, server: cpuAfter.server - cpuBefore.server, database: databaseAfter - databaseBefore };
  };

  try {
    // One order first, to count what the happy path costs the server today.
    const probe = await sluiceOrder(-1);
    const sluice = roundTrips(await client.workflow.getHandle(orderWorkflowId(probe)).fetchHistory());
    await Promise.all(Array.from({ length: WARM_UP }, (_, i) => Promise.all([sluiceOrder(1_000_000 + i), bareOrder(1_000_000 + i)])));

    // Bare, Sluice, Sluice, bare: a machine that speeds up or slows down during the run weighs on both alike.
    const runs: Record<'bare' | 'sluice', Batch[]> = { bare: [], sluice: [] };
    for (const [i, kind] of (['bare', 'sluice', 'sluice', 'bare'] as const).entries()) runs[kind].push(await batch(kind === 'bare' ? bareOrder : sluiceOrder, i * ORDERS));
    console.log(`\nLifecycle benchmark on ${storeName}: ${ORDERS} orders at once, twice each, on a local dev server, Node ${process.version}.`);
    const count = BASELINE.beforeRelease + BASELINE.beforeAssigned + BASELINE.perAction.reduce((a, b) => a + b, 0);
    console.log(`Baseline order: ${count} activities (${BASELINE.beforeRelease} up to waiting for release, a release signal, ${BASELINE.beforeAssigned} up to assignment, then ${BASELINE.perAction.join(' and ')} in two updates).`);
    console.log(`Sluice order: ${sluice.activities} server activities, ${sluice.localActivities} local activities, ${sluice.workflowTasks} workflow tasks.\n`);
    const summary = (label: string, batches: Batch[]) => {
      const sum = (f: (b: Batch) => number) => batches.reduce((t, b) => t + f(b), 0);
      const orders = ORDERS * batches.length;
      const perSecond = orders / sum((b) => b.seconds);
      const ms = (f: (b: Batch) => number) => ((sum(f) * 1000) / orders).toFixed(1);
      const cpu = `CPU per order: Node ${ms((b) => b.node)} ms, Temporal server ${ms((b) => b.server)} ms${databasePid === undefined ? '' : `, PostgreSQL ${ms((b) => b.database)} ms`}`;
      const each = batches.map((b) => (ORDERS / b.seconds).toFixed(1)).join(' and ');
      console.log(`  ${label.padEnd(20)} ${perSecond.toFixed(1).padStart(6)} orders/s (batches: ${each})   ${cpu}`);
      return perSecond;
    };
    const ratio = summary('Sluice happy path', runs.sluice) / summary('bare workflow', runs.bare);
    console.log(`\n  ratio Sluice / bare: ${ratio.toFixed(2)} (target ≥ ${TARGET.toFixed(2)}: ${ratio >= TARGET ? 'met' : 'not met'})`);
    console.log(`  Sluice also writes the read model, audit log and decisions to ${storeName} in every transition; the baseline writes nothing.`);
  } finally {
    await assigned.stop();
    await stack.stop();
  }
}

/** Sends an update again when its call timed out on a loaded machine: its id makes the server run it once. */
async function patiently<T>(update: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await update();
    } catch (err) {
      if (!(err instanceof WorkflowUpdateRPCTimeoutOrCancelledError)) throw err;
    }
  }
}

/** What an order's history cost the server: activities, local activities (markers in a workflow task) and workflow tasks. */
function roundTrips(history: Awaited<ReturnType<WorkflowHandle['fetchHistory']>>): { activities: number; localActivities: number; workflowTasks: number } {
  const events = history.events ?? [];
  return {
    activities: events.filter((e) => e.activityTaskScheduledEventAttributes).length,
    localActivities: events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity').length,
    workflowTasks: events.filter((e) => e.workflowTaskCompletedEventAttributes).length,
  };
}
