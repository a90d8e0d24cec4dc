import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { repoRoot } from '../launcher/repo-root.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { orderActionUpdate, orderWorkflowId } from '../workflows/definitions.ts';
import { tailAudit } from './audit-tail.ts';
import { bareActivities, reached } from './bare-activities.ts';
import type { bareOrderWorkflow, BareShape } from './bare-order.workflow.ts';
import { bareActionUpdate, bareReleaseSignal } from './bare-order.workflow.ts';
import { cpuSeconds } from './cpu-time.ts';
import { startDevStack } from './dev-stack.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 200);
const WARM_UP = 20;

/**
 * `npm run bench -- lifecycle`: orders per second through a pick order's happy path (intake, priority,
 * deadline and remit decisions, release by the area, assignment, start, complete, close) on a dev server, against a bare workflow
 * with the same number of activities, signals and updates, in the same order, in the same run.
 */
export async function run(): Promise<void> {
  const stack = await startDevStack('bench-sluice');
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
    await handle.executeUpdate(orderActionUpdate, { args: [{ action: 'start', actor: 'bench' }] });
    await handle.executeUpdate(orderActionUpdate, { args: [{ action: 'complete', actor: 'bench' }] });
    await handle.result();
    return id;
  };
  let shape: BareShape = { beforeRelease: 0, beforeAssigned: 0, perAction: [] };
  // Released when it waits for release, and acted on once assigned, as a Sluice order is: not all at once.
  const bareOrder = async (i: number) => {
    const workflowId = `bare-${i}-${Date.now()}`;
    const [waiting, assigned] = [reached(workflowId, 'waiting'), reached(workflowId, 'assigned')];
    const handle = await client.workflow.start<typeof bareOrderWorkflow>('bareOrderWorkflow', { workflowId, taskQueue: 'bench-bare', args: [shape] });
    await waiting;
    await handle.signal(bareReleaseSignal);
    await assigned;
    await handle.executeUpdate(bareActionUpdate, { args: ['start'] });
    await handle.executeUpdate(bareActionUpdate, { args: ['complete'] });
    await handle.result();
  };
  // One batch of orders at once: its wall time and the CPU time it cost Node (all threads) and the Temporal server.
  type Batch = { seconds: number; node: number; server: number };
  const batch = async (one: (i: number) => Promise<unknown>, offset: number): Promise<Batch> => {
    const [started, cpuBefore] = [performance.now(), cpuSeconds(stack.serverPid)];
    await Promise.all(Array.from({ length: ORDERS }, (_, i) => one(offset + i)));
    const cpuAfter = cpuSeconds(stack.serverPid);
    return { seconds: (performance.now() - started) / 1000, node: cpuAfter.node - cpuBefore.node, server: cpuAfter.server - cpuBefore.server };
  };

  try {
    // One order first, to count what the happy path does and when; the baseline does as much, in the same order.
    const probe = await sluiceOrder(-1);
    shape = shapeOf(await client.workflow.getHandle(orderWorkflowId(probe)).fetchHistory());
    const activityCount = shape.beforeRelease + shape.beforeAssigned + shape.perAction.reduce((a, b) => a + b, 0);
    await Promise.all(Array.from({ length: WARM_UP }, (_, i) => Promise.all([sluiceOrder(1_000_000 + i), bareOrder(1_000_000 + i)])));

    // Bare, Sluice, Sluice, bare: a machine that speeds up or slows down during the run weighs on both alike.
    const runs: Record<'bare' | 'sluice', Batch[]> = { bare: [], sluice: [] };
    for (const [i, kind] of (['bare', 'sluice', 'sluice', 'bare'] as const).entries()) runs[kind].push(await batch(kind === 'bare' ? bareOrder : sluiceOrder, i * ORDERS));
    console.log(`Lifecycle benchmark: ${ORDERS} orders at once, twice each, on a local dev server, Node ${process.version}.`);
    console.log(`Each order: ${activityCount} activities (${shape.beforeRelease} up to waiting for release, a release signal, ${shape.beforeAssigned} up to assignment, then ${shape.perAction.join(' and ')} in two updates).\n`);
    const summary = (label: string, batches: Batch[]) => {
      const sum = (f: (b: Batch) => number) => batches.reduce((t, b) => t + f(b), 0);
      const orders = ORDERS * batches.length;
      const perSecond = orders / sum((b) => b.seconds);
      const cpu = `CPU per order: Node ${((sum((b) => b.node) * 1000) / orders).toFixed(1)} ms, Temporal server ${((sum((b) => b.server) * 1000) / orders).toFixed(1)} ms`;
      const each = batches.map((b) => (ORDERS / b.seconds).toFixed(1)).join(' and ');
      console.log(`  ${label.padEnd(20)} ${perSecond.toFixed(1).padStart(6)} orders/s (batches: ${each})   ${cpu}`);
      return perSecond;
    };
    const ratio = summary('Sluice happy path', runs.sluice) / summary('bare workflow', runs.bare);
    console.log(`\n  ratio Sluice / bare: ${ratio.toFixed(2)} (target ≥ 0.80: ${ratio >= 0.8 ? 'met' : 'not met'})`);
    console.log('  Sluice also writes the read model, audit log and decisions to SQLite in every activity; the baseline writes nothing.');
  } finally {
    await assigned.stop();
    await stack.stop();
  }
}

/** Activities scheduled before the release signal, between it and the first update, and from each update on. */
function shapeOf(history: Awaited<ReturnType<WorkflowHandle['fetchHistory']>>): BareShape {
  const stretches = [0];
  for (const e of history.events ?? []) {
    if (e.workflowExecutionSignaledEventAttributes || e.workflowExecutionUpdateAcceptedEventAttributes) stretches.push(0);
    else if (e.activityTaskScheduledEventAttributes) stretches[stretches.length - 1]! += 1;
  }
  const [beforeRelease = 0, beforeAssigned = 0, ...perAction] = stretches;
  return { beforeRelease, beforeAssigned, perAction };
}
