import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CYCLE_CALL_EXPIRES_MS } from '../store/cycle-calls.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { openStore, type Store } from '../store/open-store.ts';
import { testStoreConfig } from '../test/temp-store.ts';
import { seedDefaults } from '../store/seed.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { enqueueForReleaseActivity } from './enqueue-for-release.ts';
import { runReleaseCycleActivity } from './run-release-cycle.ts';

/** Orders entering a pool call its area for a cycle, against a real SQLite file; the controller is a recorder of its signals. */
describe('calling an area for a release cycle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-enqueue-'));
  let store: Store;
  let now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const calls: string[] = [];
  const temporal = { workflow: { signalWithStart: async (_type: string, o: { workflowId: string }) => void calls.push(o.workflowId) } } as unknown as Client;
  let enqueue: ReturnType<typeof enqueueForReleaseActivity>;
  let cycle: ReturnType<typeof runReleaseCycleActivity>;
  beforeAll(async () => {
    store = await openStore(testStoreConfig(dir), { migrate: true });
    await seedDefaults(store.em.fork());
    const deps = { store, temporal, taskQueue: 'unused', clock: () => now };
    enqueue = enqueueForReleaseActivity(deps);
    cycle = runReleaseCycleActivity(deps);
    const em = store.em.fork();
    for (const id of ['zone-a', 'zone-b']) em.create(WorkAreaRecord, { id, name: id, kind: 'pick_zone', wipLimit: 0 });
    for (let i = 1; i <= 5; i++) {
      em.create(OrderRecord, { id: `o${i}`, account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt: now, workAreaId: 'zone-a', lines: [], state: 'queued', inPool: true, queuedAt: now });
    }
    await em.flush();
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const entry = (orderId: string, workAreaId = 'zone-a') => ({ orderId, workAreaId, priorityScore: 0, dueAt: now.toISOString(), queuedAt: now.toISOString() });

  it('calls once for all the orders that enter before the cycle starts, and again for those after', async () => {
    await enqueue(entry('o1'));
    await enqueue(entry('o2'));
    expect(calls).toEqual(['area-zone-a']);
    // The cycle answers the call before it reads the pool: an order entering from then on calls again.
    await cycle({ workAreaId: 'zone-a', triggers: ['order_queued'] });
    await enqueue(entry('o3'));
    await enqueue(entry('o4'));
    expect(calls).toEqual(['area-zone-a', 'area-zone-a']);
  });

  it("keeps each area's call apart", async () => {
    calls.length = 0;
    await enqueue(entry('o5', 'zone-b'));
    expect(calls).toEqual(['area-zone-b']);
  });

  it('calls again once the call out is old enough to have been lost, or on a retry', async () => {
    calls.length = 0;
    await new MockActivityEnvironment({ attempt: 2 }).run(enqueue, entry('o4'));
    expect(calls).toEqual(['area-zone-a']);
    now = new Date(now.getTime() + CYCLE_CALL_EXPIRES_MS);
    await enqueue(entry('o4'));
    await enqueue(entry('o5'));
    expect(calls).toEqual(['area-zone-a', 'area-zone-a']);
  });
});
