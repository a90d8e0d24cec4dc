import type { Client } from '@temporalio/client';
import { repeatUntilStopped } from '../api/repeat-until-stopped.ts';
import { START_DEADLINE_MS, startOrderWorkflow } from '../api/start-order-workflow.ts';
import type { Store } from '../store/open-store.ts';
import { confirmWorkflow, findUnstartedOrders } from '../store/unstarted-orders.ts';
import { log } from '../logging/logger.ts';

/*
 * Intake stores an order, then starts its workflow. A process killed between the two, or a Temporal server
 * that is down, leaves an order stored without a workflow; the sweeper finds such orders and starts them.
 * Every worker process runs one: starting rejects a workflow id that was ever used, so sweepers racing each
 * other or a slow POST start each order once, and never bring a closed one back.
 */

const BATCH = 200;

export interface IntakeSweeperOptions {
  store: Store;
  temporal: Client;
  taskQueue: string;
  /** Orders younger than this are left to the POST taking them: longer than it waits on Temporal. */
  minAgeMs?: number;
  intervalMs?: number;
  clock?: () => Date;
}

/** One sweep: starts the workflow of every order intake left without one; answers how many it started. */
export async function sweepUnstartedOrders(options: IntakeSweeperOptions): Promise<number> {
  const clock = options.clock ?? (() => new Date());
  const takenBefore = new Date(clock().getTime() - (options.minAgeMs ?? 2 * START_DEADLINE_MS));
  const em = options.store.em.fork();
  let started = 0;
  for (;;) {
    const orders = await findUnstartedOrders(em, takenBefore, BATCH);
    for (const order of orders) {
      if ((await startOrderWorkflow(options.temporal, options.taskQueue, order)) === 'started') started++;
      await confirmWorkflow(em, order.id, clock());
    }
    if (orders.length < BATCH) return started;
  }
}

/** Sweeps at once and then every `intervalMs` until stopped; a failed sweep (Temporal down) is logged and tried again. */
export function runIntakeSweeper(options: IntakeSweeperOptions): { stop(): Promise<void> } {
  return repeatUntilStopped(
    async () => {
      const started = await sweepUnstartedOrders(options);
      if (started > 0) log.warn({ component: 'intake-sweeper', started }, 'started the workflows of orders stored without one');
    },
    options.intervalMs ?? 10_000,
    (err) => log.warn({ component: 'intake-sweeper', err }, 'sweep failed; trying again later'),
  );
}
