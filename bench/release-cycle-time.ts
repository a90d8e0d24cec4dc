import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { runReleaseCycleActivity } from '../activities/run-release-cycle.ts';
import { compileRuleset } from '../rules/compile-ruleset.ts';
import { priorityFacts } from '../rules/priority-facts.ts';
import { compareRanked, cycleRules, planReleaseCycle } from '../rules/release-cycle.ts';
import { openStore } from '../store/open-store.ts';
import type { StoreConfig } from '../store/store-config.ts';
import { readPool } from '../store/release-pool-reads.ts';
import { findPublishedRuleset } from '../store/rulesets.ts';
import { seedDefaults } from '../store/seed.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { pooledOrder, random, type PooledOrder } from './generated-orders.ts';
import { insertPool, type PoolEntry } from './insert-pool.ts';
import { percentile } from './percentile.ts';

const POOL = Number(process.env.BENCH_POOL ?? 100_000);
const AREAS = Number(process.env.BENCH_AREAS ?? 50);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const SEED = 20_261_122;
const WIP_LIMIT = 20;
/** Every fifth area counts its limit in units (about ten orders' worth), so both capacity models are in the round. */
const UNITS_LIMIT = 1_000;
const DEEP = 'deep';

export interface CycleTimes {
  pool: number;
  areas: number;
  reps: number;
  round: { cycleMs: number; rankMs: number };
  deep: { firstMs: number; cycleMs: number; rankMs: number; readMs: number; planMs: number };
}

const areaId = (i: number) => `area-${String(i + 1).padStart(2, '0')}`;

/** Warm-up once, then the median of `REPS` runs; `reset` runs untimed after each, so every run sees the same pool. */
async function medianMs(run: () => Promise<unknown>, reset: () => Promise<unknown>): Promise<number> {
  await run();
  await reset();
  const times: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
    await reset();
  }
  return percentile(times, 50);
}

/**
 * Release-cycle time on a fresh store (a SQLite file unless `config` names another): the real cycle activity (one transaction: read the pool and the capacity,
 * plan, reserve, record) over `POOL` waiting orders spread across `AREAS` areas, one cycle per area in a
 * round; and over one area holding `POOL` orders by itself. The baseline is a cycle that only ranks: the
 * same pool read, sorted by the scores the orders were stored with, no rules and no writes.
 */
export async function measureCycleTimes(config?: StoreConfig): Promise<CycleTimes> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-'));
  const store = await openStore(config ?? { kind: 'sqlite', file: join(dir, 'sluice.sqlite') }, { migrate: true });
  try {
    await seedDefaults(store.em.fork());
    const em = store.em.fork();
    const areas = Array.from({ length: AREAS }, (_, i) => areaId(i));
    for (const [i, id] of areas.entries()) {
      em.create(WorkAreaRecord, { id, name: `Area ${i + 1}`, kind: 'pick_zone', ...(i % 5 === 4 ? { capacityUnit: 'units', wipLimit: UNITS_LIMIT } : { wipLimit: WIP_LIMIT }) });
    }
    em.create(WorkAreaRecord, { id: DEEP, name: 'Deep pool', kind: 'pick_zone', wipLimit: WIP_LIMIT });
    await em.flush();

    // Stored as the priority decision scored them on intake; the rank-only baseline sorts by these.
    const priority = await findPublishedRuleset(em, 'priority');
    const release = await findPublishedRuleset(em, 'release');
    if (!priority || !release) throw new Error('The seeded store has no priority or release ruleset in force.');
    const rules = cycleRules(compileRuleset(priority.definition), compileRuleset(release.definition));
    const storedScores = new Map<string, number>();
    const rng = random(SEED);
    const now = Date.now();
    function* entries(): Generator<PoolEntry> {
      const entry = (order: PooledOrder, workAreaId: string) => {
        const priorityScore = rules.score!(priorityFacts(order, new Date(now)));
        storedScores.set(order.id, priorityScore);
        return { order, workAreaId, priorityScore };
      };
      for (let i = 0; i < POOL; i++) yield entry(pooledOrder(rng, `${areas[i % AREAS]}-${i}`, now), areas[i % AREAS]!);
      for (let i = 0; i < POOL; i++) yield entry(pooledOrder(rng, `${DEEP}-${i}`, now), DEEP);
    }
    await insertPool(store.em, entries());
    // A PostgreSQL server gathers a table's statistics by itself soon after a bulk load (autovacuum); the
    // bench measures right after one, so it gathers them at once, or the planner would plan for an empty table.
    if (config?.kind === 'postgres') await store.em.execute('analyze');

    const cycle = runReleaseCycleActivity({ store, temporal: null as unknown as Client, taskQueue: 'bench', clock: () => new Date() });
    const runCycle = (workAreaId: string) => cycle({ workAreaId, triggers: ['tick'] });
    const rankOnly = (workAreaId: string) =>
      store.em.fork().transactional(async (tx) =>
        (await readPool(tx, workAreaId)).map((o) => ({ id: o.id, score: storedScores.get(o.id) ?? 0, due: o.dueAt.getTime(), queued: o.queuedAt.getTime() })).sort(compareRanked),
      );
    // A cycle's reservations are undone so the next run ranks the same pool; its record stays, as in production.
    const unreserve = () => store.em.execute('update orders set release_cycle_id = null where release_cycle_id is not null');
    const nothing = async () => {};
    const eachArea = (one: (id: string) => Promise<unknown>) => async () => {
      for (const id of areas) await one(id);
    };

    const round = { cycleMs: await medianMs(eachArea(runCycle), unreserve), rankMs: await medianMs(eachArea(rankOnly), nothing) };
    const deepPool = await store.em.fork().transactional((tx) => readPool(tx, DEEP));
    // The first cycle of a pool no cycle has judged writes every order's judgement; later ones only what changed.
    const firstStarted = performance.now();
    await runCycle(DEEP);
    const firstMs = performance.now() - firstStarted;
    await unreserve();
    const deep = {
      firstMs,
      cycleMs: await medianMs(() => runCycle(DEEP), unreserve),
      rankMs: await medianMs(() => rankOnly(DEEP), nothing),
      readMs: await medianMs(() => store.em.fork().transactional((tx) => readPool(tx, DEEP)), nothing),
      planMs: await medianMs(async () => planReleaseCycle(deepPool, { id: DEEP, zone: null, status: 'open', inShift: true, hourOfDay: 12, unit: 'orders', wipLimit: WIP_LIMIT, used: 0 }, rules, new Date()), nothing),
    };
    return { pool: POOL, areas: AREAS, reps: REPS, round, deep };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
