import { join } from 'node:path';
import { repoRoot } from '../launcher/repo-root.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { orderActionUpdate, orderWorkflowId } from '../workflows/definitions.ts';
import { tailAudit } from './audit-tail.ts';
import { bareActivities } from './bare-activities.ts';
import type { bareControllerWorkflow, bareRelayWorkflow } from './bare-relay.workflow.ts';
import { startDevStack, type DevStack } from './dev-stack.ts';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const AREAS = 4;
const WIP_LIMIT = 5;
const WARM_UP = 3;
/** Orders beyond what the run releases, so the pool never runs dry and every cycle has a choice to make. */
const SPARE = 10;
const HOUR = 3_600_000;

export interface Latencies {
  samples: number;
  areas: number;
  wipLimit: number;
  poolPerArea: number;
  sluice: number[];
  bare: number[];
}

/** The bare relay, pair by pair and all at once: its stamped freed-to-released times. */
async function bareLatencies(stack: DevStack, rounds: number): Promise<number[]> {
  const pairs = await Promise.all(
    Array.from({ length: AREAS }, async (_, k) => {
      const controllerId = `bare-controller-${k}`;
      await stack.client.workflow.start<typeof bareControllerWorkflow>('bareControllerWorkflow', { workflowId: controllerId, taskQueue: 'bench-relay', args: [rounds] });
      const relay = await stack.client.workflow.start<typeof bareRelayWorkflow>('bareRelayWorkflow', { workflowId: `bare-relay-${k}`, taskQueue: 'bench-relay', args: [controllerId, rounds] });
      return (await relay.result()).slice(WARM_UP);
    }),
  );
  return pairs.flat();
}

/**
 * Time from capacity freed to the next release under steady load on a dev server: `AREAS` areas with a
 * small WIP limit and a deeper pool each; in every area at once, the oldest order in process is started
 * and completed, and the area's next release is awaited before the next completion. A sample runs from
 * the audit entry of the completion (the slot freed in the store) to that of the next order's release,
 * both stamped by the worker's clock. The baseline is a bare relay over the same hops (activity, signal
 * to a controller, activity, signal back, activity) with nothing behind them.
 */
export async function measureFreedToRelease(): Promise<Latencies> {
  const rounds = Math.ceil(SAMPLES / AREAS) + WARM_UP;
  const poolPerArea = WIP_LIMIT + rounds + SPARE;
  const stack = await startDevStack('bench-sluice');
  const { store, client } = stack;
  const audit = tailAudit(store, ['released', 'assigned', 'completed'], 10);
  try {
    await stack.startWorker({ taskQueue: 'bench-relay', workflowsPath: join(repoRoot, 'bench/bare-relay.workflow.ts'), activities: bareActivities });
    // Before any order exists, so the baseline runs on an idle server.
    const bare = await bareLatencies(stack, rounds);

    const areas = Array.from({ length: AREAS }, (_, k) => `steady-${k + 1}`);
    const em = store.em.fork();
    for (const id of areas) em.create(WorkAreaRecord, { id, name: id, kind: 'pick_zone', wipLimit: WIP_LIMIT });
    await em.flush();
    const areaOf = new Map<string, string>();
    const now = Date.now();
    await Promise.all(
      areas.flatMap((workAreaId) =>
        Array.from({ length: poolPerArea }, async (_, i) => {
          // Due times a minute apart: the pool has a clear rank order, as a real one mostly does.
          const id = await stack.postOrder({ reference: `${workAreaId}-${i}`, account: 'ACME', dueAt: new Date(now + 48 * HOUR + i * 60_000).toISOString(), workAreaId, lines: [{ sku: 'A', qty: 1, price: 1 }] });
          areaOf.set(id, workAreaId);
        }),
      ),
    );

    const drive = async (workAreaId: string) => {
      const taken = new Set<string>();
      const nextRelease = async (afterSeq: number) => {
        const entry = await audit.next((e) => e.toState === 'released' && areaOf.get(e.subjectId) === workAreaId && e.seq > afterSeq && !taken.has(e.subjectId));
        taken.add(entry.subjectId);
        return entry;
      };
      const inProcess: string[] = [];
      for (let i = 0; i < WIP_LIMIT; i++) inProcess.push((await nextRelease(0)).subjectId);
      const samples: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const id = inProcess.shift()!;
        await audit.next((e) => e.subjectId === id && e.toState === 'assigned');
        const handle = client.workflow.getHandle(orderWorkflowId(id));
        await handle.executeUpdate(orderActionUpdate, { args: [{ action: 'start', actor: 'bench' }] });
        await handle.executeUpdate(orderActionUpdate, { args: [{ action: 'complete', actor: 'bench' }] });
        const completed = await audit.next((e) => e.subjectId === id && e.toState === 'completed');
        // The area is full and only this completion freed a slot, so the next release in the area is its.
        const released = await nextRelease(completed.seq);
        inProcess.push(released.subjectId);
        samples.push(released.at - completed.at);
      }
      return samples.slice(WARM_UP);
    };
    const sluice = (await Promise.all(areas.map(drive))).flat();
    return { samples: sluice.length, areas: AREAS, wipLimit: WIP_LIMIT, poolPerArea, sluice, bare };
  } finally {
    await audit.stop();
    await stack.stop();
  }
}
