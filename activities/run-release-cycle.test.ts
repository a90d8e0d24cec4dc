import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderState } from '../domain/lifecycle.ts';
import { createOperations } from '../store/order-operation.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { openStore, type Store } from '../store/open-store.ts';
import { testStoreConfig } from '../test/temp-store.ts';
import { ReleaseCycleRecord } from '../store/release-cycle.entity.ts';
import { ReleaseGroupRecord } from '../store/release-group.entity.ts';
import { findReleaseJudgement } from '../store/release-judgements.ts';
import { readPool } from '../store/release-pool-reads.ts';
import { seedDefaults } from '../store/seed.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { RESEND_GRANTS_AFTER_MS, runReleaseCycleActivity, type ReleaseCycleRequest, type ReleaseCycleResult } from './run-release-cycle.ts';

/** A release cycle against a real SQLite file, opened twice as two worker processes would. */
describe('a release cycle in the store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-cycle-'));
  const stores: Store[] = [];
  const cycleOf = (store: Store) => runReleaseCycleActivity({ store, temporal: null as unknown as Client, taskQueue: 'unused', clock: () => new Date() });
  beforeAll(async () => {
    // node:sqlite waits for a lock synchronously, so two connections in one process must not wait on each
    // other (the waiting one would block the holder too): here the loser fails at once, and Temporal would retry it.
    const config = testStoreConfig(dir);
    for (let i = 0; i < 2; i++) stores.push(await openStore(config, { busyTimeoutMs: 0, migrate: true }));
    await seedDefaults(stores[0]!.em.fork());
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let n = 0;
  const area = async (wipLimit: number | null, orders: { state?: OrderState; units?: number }[]) => {
    const id = `area-${++n}`;
    const em = stores[0]!.em.fork();
    em.create(WorkAreaRecord, { id, name: id, kind: 'pick_zone', wipLimit });
    for (const [i, o] of orders.entries()) {
      const state = o.state ?? 'queued';
      em.create(OrderRecord, {
        id: `${id}-o${i}`,
        account: 'ACME',
        kind: 'pick',
        statedPriority: 'normal',
        dueAt: new Date(Date.now() + (10 + i) * 3_600_000),
        workAreaId: id,
        lines: [{ sku: 'A', qty: o.units ?? 1, price: 1 }],
        units: o.units ?? 1,
        state,
        inPool: state === 'queued',
        holdsSlot: state === 'in_progress',
        queuedAt: new Date(),
      });
    }
    await em.flush();
    return id;
  };
  const reserved = async (workAreaId: string) => stores[0]!.em.fork().count(OrderRecord, { workAreaId, releaseCycleId: { $ne: null } });

  it('reserves what fits, records the cycle, and hands the same orders out again while their workflows have not taken them', async () => {
    const id = await area(3, [{ state: 'in_progress' }, {}, {}, {}]);
    const first = await cycleOf(stores[0]!)({ workAreaId: id, triggers: ['order_queued'] });
    const ids = (cycle: { release: { orderId: string }[] }) => cycle.release.map((r) => r.orderId);
    expect(ids(first)).toEqual([`${id}-o1`, `${id}-o2`]);
    expect(first.waiting).toBe(1);
    const record = await stores[0]!.em.fork().findOneOrFail(ReleaseCycleRecord, { id: first.cycleId });
    expect(record).toMatchObject({ seq: 1, triggers: ['order_queued'], usedBefore: 1, usedAfter: 3, candidates: 3, waited: [{ orderId: `${id}-o3`, rank: 3, reason: 'The work area is at its WIP limit.' }] });

    // The next cycle, moments later: the releases are on their way, so it signals nobody, and still owes them a look.
    const next = await cycleOf(stores[1]!)({ workAreaId: id, triggers: ['order_queued'] });
    expect(next).toMatchObject({ release: [], waiting: 3 });
    // As after a crash before the controller heard back: a later cycle releases nothing new and resends the reserved.
    const later = runReleaseCycleActivity({ store: stores[1]!, temporal: null as unknown as Client, taskQueue: 'unused', clock: () => new Date(Date.now() + RESEND_GRANTS_AFTER_MS) });
    const retry = await later({ workAreaId: id, triggers: ['tick'] });
    expect(retry).toMatchObject({ release: first.release, waiting: 1 });
    expect(await reserved(id)).toBe(2);
  });

  it("stores the score that ranked each order with each rule's points, and why it waits, rewriting only what changed", async () => {
    const id = await area(1, [{}, {}, {}]);
    const em = stores[0]!.em.fork();
    // The urgent order shows the score it was taken with; the cycle scores it afresh.
    await em.nativeUpdate(OrderRecord, { id: `${id}-o2` }, { statedPriority: 'urgent', priorityScore: 0 });
    const first = await cycleOf(stores[0]!)({ workAreaId: id, triggers: ['tick'] });
    expect(first.release.map((r) => r.orderId)).toEqual([`${id}-o2`]);
    const scoreOf = async (n: number) => (await stores[0]!.em.fork().findOneOrFail(OrderRecord, { id: `${id}-o${n}` })).priorityScore;
    expect(await scoreOf(2)).toBe(10);
    expect(await findReleaseJudgement(stores[0]!.em.fork(), `${id}-o2`)).toMatchObject({ verdict: 'released', rank: 1, score: 10, scoreRules: [{ rule: 'Stated urgent or high', points: 10 }] });
    const waiting = await findReleaseJudgement(stores[0]!.em.fork(), `${id}-o0`);
    expect(waiting).toMatchObject({ cycleId: first.cycleId, verdict: 'waiting', reason: 'The work area is at its WIP limit.', rank: 2, score: 0, scoreRules: [], facts: { areaId: id, areaWip: 1, areaWipLimit: 1 } });
    expect(waiting!.rules.length).toBeGreaterThan(0);

    // Nothing changed for o0; o1 is restated high, so only its judgement and score are written again.
    await stores[0]!.em.fork().nativeUpdate(OrderRecord, { id: `${id}-o1` }, { statedPriority: 'high' });
    const second = await cycleOf(stores[0]!)({ workAreaId: id, triggers: ['tick'] });
    expect((await findReleaseJudgement(stores[0]!.em.fork(), `${id}-o0`))?.cycleId).toBe(first.cycleId);
    expect(await findReleaseJudgement(stores[0]!.em.fork(), `${id}-o1`)).toMatchObject({ cycleId: second.cycleId, rank: 1, score: 10, verdict: 'waiting' });
    expect(await scoreOf(1)).toBe(10);
  });

  it('never lets two cycles of one area, in two processes at once, reserve past the limit', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await area(2, [{}, {}, {}, {}, {}]);
      const outcomes = await Promise.allSettled([cycleOf(stores[0]!)({ workAreaId: id, triggers: ['tick'] }), cycleOf(stores[1]!)({ workAreaId: id, triggers: ['tick'] })]);
      expect(outcomes.some((o) => o.status === 'fulfilled')).toBe(true);
      // The loser failed as a conflict or a busy database: both are retried by Temporal, on the state the winner left.
      for (const o of outcomes) if (o.status === 'rejected') expect(String(o.reason)).toMatch(/committed first|changed during the cycle|busy|locked/i);
      expect(await reserved(id)).toBe(2);
    }
  });

  it('counts a limit in units, and keeps a paused area from releasing', async () => {
    const units = await area(5, [{ units: 4 }, { units: 2 }]);
    await stores[0]!.em.fork().nativeUpdate(WorkAreaRecord, { id: units }, { capacityUnit: 'units' });
    expect((await cycleOf(stores[0]!)({ workAreaId: units, triggers: ['tick'] })).release.map((r) => r.orderId)).toEqual([`${units}-o0`]);
    const paused = await area(5, [{}]);
    await stores[0]!.em.fork().nativeUpdate(WorkAreaRecord, { id: paused }, { status: 'paused', capacityUnit: 'units' });
    expect(await cycleOf(stores[0]!)({ workAreaId: paused, triggers: ['area_changed'] })).toMatchObject({ release: [], waiting: 1 });
  });

  it("reads the pool with the orders' stored line totals, and an older order's lines where it has none", async () => {
    const id = await area(3, [{}, {}]);
    const em = stores[0]!.em.fork();
    const lines = [{ sku: 'A', qty: 2, price: 7.5 }, { sku: 'B', qty: 1, price: 5 }];
    // Totals that disagree with the order's one line (1 × 1) show they, not the lines, are read.
    await em.nativeUpdate(OrderRecord, { id: `${id}-o0` }, { orderValue: 20, lineCount: 2 });
    await em.nativeUpdate(OrderRecord, { id: `${id}-o1` }, { lines, orderValue: null, lineCount: null });
    const pool = await readPool(stores[0]!.em.fork(), id);
    expect(pool.map((o) => ('orderValue' in o ? [o.id, o.orderValue, o.lineCount] : o.id))).toEqual([
      [`${id}-o0`, 20, 2],
      [`${id}-o1`, 20, 2],
    ]);
  });

  it("keeps a downstream area's workload norm: routed load in process counts, an order that would overfill it waits", async () => {
    const em = stores[0]!.em.fork();
    em.create(WorkAreaRecord, { id: 'paint', name: 'Paint shop', kind: 'production_line', wipLimit: 10, workloadNormHours: 10, loadCorrection: 'plain' });
    await em.flush();
    const gate = await area(5, [{ state: 'in_progress' }, {}, {}]);
    const hoursAtPaint = [6, 5, 3];
    const em2 = stores[0]!.em.fork();
    hoursAtPaint.forEach((hours, i) =>
      createOperations(em2, `${gate}-o${i}`, [
        { workAreaId: gate, hours: 1 },
        { workAreaId: 'paint', hours },
      ]),
    );
    await em2.flush();

    const cycle = await cycleOf(stores[0]!)({ workAreaId: gate, triggers: ['order_queued'] });
    expect(cycle.release.map((r) => r.orderId)).toEqual([`${gate}-o2`]);
    const record = await stores[0]!.em.fork().findOneOrFail(ReleaseCycleRecord, { id: cycle.cycleId });
    expect(record.waited).toMatchObject([{ orderId: `${gate}-o1`, reason: "Would bring paint's load to 11.0 h; its workload norm is 10 h." }]);
    expect(record.workloads).toEqual([{ workAreaId: 'paint', normHours: 10, before: 6, after: 9 }]);
    expect((await stores[0]!.em.fork().findOneOrFail(WorkAreaRecord, { id: 'paint' })).loadVersion).toBe(1);
  });

  it('tells its orders itself after the commit, passes over one whose workflow is gone, and tells all its grants again on a retry', async () => {
    const id = await area(2, [{}, {}, {}]);
    const told: string[] = [];
    const temporal = {
      workflow: {
        getHandle: (workflowId: string) => ({
          signal: async (signal: { name: string }) => {
            if (workflowId.endsWith('-o1')) throw new WorkflowNotFoundError('terminated by hand', workflowId, undefined);
            told.push(`${signal.name} ${workflowId.slice(-3)}`);
          },
        }),
      },
    } as unknown as Client;
    const cycle = runReleaseCycleActivity({ store: stores[0]!, temporal, taskQueue: 'unused', clock: () => new Date() });
    // The order that cannot be reached is expected here, and only logged.
    const quiet = { logger: new DefaultLogger('ERROR') };
    const request: ReleaseCycleRequest = { workAreaId: id, triggers: ['order_queued'], tellOrders: true };
    const first: ReleaseCycleResult = await new MockActivityEnvironment({ attempt: 1 }, quiet).run(cycle, request);
    expect(first.release.map((r) => r.orderId)).toEqual([`${id}-o0`, `${id}-o1`]);
    expect(told).toEqual(['release -o0']);
    // The retry of an attempt that may not have told everyone: nothing new fits, and both grants are told again.
    const retry = await new MockActivityEnvironment({ attempt: 2 }, quiet).run(cycle, request);
    expect(retry).toMatchObject({ release: first.release, waiting: 1 });
    expect(told).toEqual(['release -o0', 'release -o0']);
  });

  it("runs a release group's cycle over one pool, reserving per gateway (one without a limit); an area that leaves keeps its pool and no order goes twice", async () => {
    const limited = await area(1, [{}, {}, {}]);
    const unlimited = await area(null, [{}, {}]);
    const em = stores[0]!.em.fork();
    em.create(ReleaseGroupRecord, { id: 'group-1', name: 'Group 1' });
    await em.flush();
    await em.nativeUpdate(WorkAreaRecord, { id: { $in: [limited, unlimited] } }, { releaseGroupId: 'group-1' });

    // Either gateway's cycle is the group's; a second one, at once, finds nothing new.
    const first = await cycleOf(stores[0]!)({ workAreaId: unlimited, triggers: ['order_queued'] });
    expect(first.release.map((r) => `${r.orderId}@${r.workAreaId}`).sort()).toEqual([`${limited}-o0@${limited}`, `${unlimited}-o0@${unlimited}`, `${unlimited}-o1@${unlimited}`]);
    expect(await cycleOf(stores[1]!)({ workAreaId: limited, triggers: ['order_queued'] })).toMatchObject({ release: [], waiting: 5 });
    const record = await stores[0]!.em.fork().findOneOrFail(ReleaseCycleRecord, { id: first.cycleId });
    expect(record).toMatchObject({ releaseGroupId: 'group-1', seq: 1, candidates: 5 });
    expect(record.gateways).toEqual([
      { workAreaId: limited, status: 'open', inShift: true, limit: 1, usedBefore: 0, usedAfter: 1 },
      { workAreaId: unlimited, status: 'open', inShift: true, limit: null, usedBefore: 0, usedAfter: 2 },
    ]);
    expect(await reserved(limited)).toBe(1);
    expect(await reserved(unlimited)).toBe(2);

    // The area without a limit leaves the group: its new order is its own cycle's, the group's cycle no longer sees it.
    await stores[0]!.em.fork().nativeUpdate(WorkAreaRecord, { id: unlimited }, { releaseGroupId: null });
    const more = stores[0]!.em.fork();
    more.create(OrderRecord, { id: `${unlimited}-late`, account: 'ACME', kind: 'pick', statedPriority: 'urgent', dueAt: new Date(Date.now() + 3_600_000), workAreaId: unlimited, lines: [{ sku: 'A', qty: 1, price: 1 }], units: 1, state: 'queued', inPool: true, queuedAt: new Date() });
    await more.flush();
    expect((await cycleOf(stores[0]!)({ workAreaId: limited, triggers: ['tick'] })).release.map((r) => r.orderId)).not.toContain(`${unlimited}-late`);
    expect((await cycleOf(stores[1]!)({ workAreaId: unlimited, triggers: ['order_queued'] })).release.map((r) => r.orderId)).toEqual([`${unlimited}-late`]);
    expect(await reserved(limited)).toBe(1);
    expect(await reserved(unlimited)).toBe(3);
  });
});
