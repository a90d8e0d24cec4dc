import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dryRun } from '../api/bulk-jobs/dry-run.ts';
import { resolveSelection } from '../api/bulk-jobs/selection.ts';
import { BULK_JOB_MAX_ORDERS, type BulkSelection } from '../domain/bulk-job.ts';
import type { OrderActionRequest } from '../domain/order.ts';
import type { Role } from '../domain/roles.ts';
import { sql } from 'kysely';
import { openStore } from '../store/open-store.ts';
import { sqlOn } from '../store/sql.ts';
import { insertOrders } from './orders-table.bench.ts';
import { percentile } from './percentile.ts';

/**
 * `npm run bench -- bulk-dry-run`: the dry run of a bulk job over the most orders one takes (10,000, in
 * mixed states and kinds), on SQLite: the selection resolved (ids given, or a GET /orders filter) and every
 * order judged as the live action would be. Target: under 5 s (p50; the max shows a loaded machine). BENCH_REPS runs each, 5 by default.
 */
const REPS = Number(process.env.BENCH_REPS ?? 5);
const TARGET_MS = 5_000;
const ACTOR = { name: 'bench', roles: ['dispatcher'] as Role[] };
const REQUESTS: Record<string, OrderActionRequest> = {
  'hold (manual)': { action: 'hold', holdType: 'manual', reason: 'bench' },
  cancel: { action: 'cancel', reason: 'bench' },
  'force release': { action: 'force_release', reason: 'bench' },
};

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-'));
  const store = await openStore({ kind: 'sqlite', file: join(dir, 'sluice.sqlite') }, { migrate: true });
  try {
    await insertOrders(store, BULK_JOB_MAX_ORDERS);
    // The orders table's bench draws state and kind apart; the lifecycle knows a state only in the kinds that have it.
    const tx = sqlOn(store.em.fork());
    await sql`update orders set state = ${'in_transit'} where state in (${'in_progress'}, ${'completed'}) and kind not in (${'production'}, ${'pick'})`.execute(tx);
    await sql`update orders set state = ${'in_progress'} where state in (${'in_transit'}, ${'delivered'}) and kind in (${'production'}, ${'pick'})`.execute(tx);
    const selections: Record<string, BulkSelection> = {
      [`${BULK_JOB_MAX_ORDERS.toLocaleString('en')} ids`]: { orderIds: Array.from({ length: BULK_JOB_MAX_ORDERS }, (_, i) => `o-${String(i).padStart(8, '0')}`) },
      'a filter matching all': { filter: 'sort=due&dir=asc' },
    };
    console.log(`\nBulk dry run on SQLite over ${BULK_JOB_MAX_ORDERS.toLocaleString('en')} stored orders, ${REPS} runs after a warm-up; target ${TARGET_MS / 1000} s.`);
    console.log(`${'selection'.padEnd(24)} ${'action'.padEnd(16)} ${'p50'.padStart(8)} ${'max'.padStart(8)}  would run / refused  target`);
    for (const [label, selection] of Object.entries(selections)) {
      for (const [name, request] of Object.entries(REQUESTS)) {
        const once = async () => {
          const { orderIds } = await resolveSelection(store.em.fork(), selection);
          return dryRun(store.em.fork(), orderIds, request, ACTOR, { offset: 0, limit: 100 });
        };
        const result = await once();
        const times: number[] = [];
        for (let i = 0; i < REPS; i++) {
          const t0 = performance.now();
          await once();
          times.push(performance.now() - t0);
        }
        const max = Math.max(...times);
        const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`.padStart(8);
        console.log(`${label.padEnd(24)} ${name.padEnd(16)} ${s(percentile(times, 50))} ${s(max)}  ${`${result.wouldRun} / ${result.refused}`.padEnd(19)} ${percentile(times, 50) < TARGET_MS ? 'met' : 'MISSED'}`);
      }
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
