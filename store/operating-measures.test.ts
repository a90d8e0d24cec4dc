import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pooledOrder, random } from '../bench/generated-orders.ts';
import { insertPool } from '../bench/insert-pool.ts';
import { measureArea, measureOperations } from './operating-measures.ts';
import { testStoreConfig } from '../test/temp-store.ts';
import { openStore, type Store } from './open-store.ts';
import { OrderRecord } from './order.entity.ts';
import { DEFAULT_WORK_AREA } from './seed.ts';
import { WorkAreaRecord } from './work-area.entity.ts';

const HOUR = 3_600_000;

describe('operating measures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-measures-'));
  let store: Store;
  const now = new Date();
  const at = (hours: number) => new Date(now.getTime() + hours * HOUR);

  beforeAll(async () => {
    store = await openStore(testStoreConfig(dir), { migrate: true });
    const em = store.em.fork();
    em.create(WorkAreaRecord, { id: 'units-a', name: 'Units A', kind: 'pick_zone', capacityUnit: 'units', wipLimit: 10, plannedLeadTimeHours: 2 });
    em.create(WorkAreaRecord, { id: 'deep', name: 'Deep pool', kind: 'pick_zone', wipLimit: 5 });
    let n = 0;
    const order = (o: Partial<Pick<OrderRecord, 'inPool' | 'holdsSlot' | 'releaseCycleId' | 'units' | 'releasedAt' | 'dueAt'>>) =>
      em.create(OrderRecord, { id: `o-${++n}`, account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt: at(24), workAreaId: 'units-a', lines: [], state: 'queued', queuedAt: at(-1), ...o });
    order({ holdsSlot: true, units: 3 }); // in process, or escalated from there
    order({ inPool: true, releaseCycleId: 'cycle-1', units: 2 }); // granted, the workflow has not taken it yet
    order({ inPool: true }); // waiting, escalated while waiting included
    order({}); // closed
    order({ releasedAt: at(-3), dueAt: at(0) }); // released 3 h before due: before its planned release time (2 h before)
    order({ releasedAt: at(-1), dueAt: at(0) }); // released 1 h before due: late
    await em.flush();
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('count WIP and the pool as the release cycle does: escalated work keeps its slot, a release on its way takes one', async () => {
    const measures = await measureOperations(store.em.fork(), now);
    expect(measures.areas.find((a) => a.workAreaId === 'units-a')).toMatchObject({ poolLength: 1, wip: 2, load: 5, utilization: 0.5, oldestWaitMinutes: 60, released: 2, releasedLate: 1, onTimeReleasePercent: 50 });
  });

  it('count a pool of 150,000 orders in the database, not in a spread over every order', async () => {
    const rng = random(14);
    let oldest = Infinity;
    function* entries() {
      for (let i = 0; i < 150_000; i++) {
        const order = pooledOrder(rng, `deep-${i}`, now.getTime());
        oldest = Math.min(oldest, order.queuedAt.getTime());
        yield { order, workAreaId: 'deep', priorityScore: 0 };
      }
    }
    await insertPool(store.em, entries());
    const measures = await measureOperations(store.em.fork(), now);
    expect(measures.areas.find((a) => a.workAreaId === 'deep')).toMatchObject({ poolLength: 150_000, wip: 0, oldestWaitMinutes: Math.round((now.getTime() - oldest) / 60_000) });
    expect(measures.queueBalance.pool).toMatchObject({ min: 1, max: 150_000 });
  });

  it('report the routed workload against the norm, for areas that have one', () => {
    const capacity = { unit: 'orders' as const, wipLimit: 10, workloadNormHours: 12, loadCorrection: 'plain' as const, starvationRelease: false };
    const none = { poolLength: 0, oldestQueuedAt: null, wip: 0, wipUnits: 0, released: 0, releasedLate: 0 };
    expect(measureArea({ ...DEFAULT_WORK_AREA, capacity }, none, now, { loadHours: 4.5, directHours: 2 }).workload).toEqual({ hours: 4.5, directHours: 2, normHours: 12 });
    expect(measureArea(DEFAULT_WORK_AREA, none, now, { loadHours: 4.5, directHours: 2 }).workload).toBeNull();
  });
});
