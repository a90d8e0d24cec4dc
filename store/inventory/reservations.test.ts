import type { Client } from '@temporalio/client';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.ts';
import { runReleaseCycleActivity } from '../../activities/run-release-cycle.ts';
import { hoursFromNow } from '../../test/clock.ts';
import { useTempStore } from '../../test/temp-store.ts';
import { OrderRecord } from '../order.entity.ts';
import { projectTransition, type OrderTransition } from '../order-transition.ts';
import { seedDefaults } from '../seed.ts';
import { sqlOn } from '../sql.ts';
import { WorkAreaRecord } from '../work-area.entity.ts';
import { ProductRecord } from './catalogue.entity.ts';
import { StockRecord } from './stock.entity.ts';
import { listWarehouseSettings, putWarehouseSettings, reserveAtOf, warehouseLocation } from './warehouse-settings.ts';

/** Reservations at intake and at release, on the store the suite runs on (SQLite, or PostgreSQL with SLUICE_TEST_STORE=postgres). */
describe('stock reservations', () => {
  const store = useTempStore();
  const now = () => new Date();

  const setUp = async (prefix: string, orders: number, lines: { sku: string; qty: number }[], stock: Record<string, number>) => {
    const em = store().em.fork();
    if (!(await em.findOne(WorkAreaRecord, { id: 'zone-a' }))) {
      await seedDefaults(store().em.fork());
      em.create(WorkAreaRecord, { id: 'zone-a', name: 'Zone A', kind: 'pick_zone', wipLimit: 5 });
    }
    for (const [sku, onHand] of Object.entries(stock)) {
      em.create(ProductRecord, { sku, name: sku, unit: 'each', active: true, createdAt: now(), updatedAt: now() });
      em.create(StockRecord, { warehouse: 'W1', sku, onHand, reserved: 0, updatedAt: now() });
    }
    const ids = Array.from({ length: orders }, (_, i) => `${prefix}-${i}`);
    for (const id of ids) {
      const orderLines = lines.map((l) => ({ ...l, price: 1 }));
      em.create(OrderRecord, { id, account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt: hoursFromNow(6), workAreaId: 'zone-a', warehouse: 'W1', lines: orderLines, state: 'validating', paymentMode: 'prepaid', orderValue: orderLines.length, lineCount: orderLines.length, units: orderLines.length });
    }
    await em.flush();
    return ids;
  };
  const stockOf = async (sku: string) => (await sql<{ on_hand: number; reserved: number }>`select on_hand, reserved from stock where warehouse = ${'W1'} and sku = ${sku}`.execute(sqlOn(store().em.fork()))).rows[0]!;
  const reservationsOf = async (orderId: string) =>
    (await sql<{ sku: string; qty: number; status: string }>`select sku, qty, status from reservations where order_id = ${orderId} order by sku`.execute(sqlOn(store().em.fork()))).rows.map((r) => ({ ...r, qty: Number(r.qty) }));

  it('200 orders at once for the last 50 units: exactly 50 reserve, the other 150 are held for inventory', async () => {
    const ids = await setUp('race', 200, [{ sku: 'LAST', qty: 1 }], { LAST: 50 });
    const { decideIntake } = createActivities({ store: store(), temporal: null as unknown as Client, taskQueue: 'unused', clock: now });
    const decided = await Promise.all(ids.map((orderId) => decideIntake({ orderId, decisionKey: `${orderId}:intake` })));
    expect(decided.filter((d) => d.outcome === 'accept')).toHaveLength(50);
    expect(decided.filter((d) => d.outcome === 'hold' && d.holdType === 'inventory')).toHaveLength(150);
    expect(await stockOf('LAST')).toMatchObject({ on_hand: 50, reserved: 50 });
    const { rows } = await sql<{ n: number }>`select count(*) as n from reservations where sku = ${'LAST'} and status = ${'reserved'}`.execute(sqlOn(store().em.fork()));
    expect(Number(rows[0]!.n)).toBe(50);
  });

  it('an order reserves all its lines or none, and a decision retried reserves nothing twice', async () => {
    const [covered, uncovered] = await setUp('lines', 2, [{ sku: 'P', qty: 2 }, { sku: 'Q', qty: 3 }], { P: 4, Q: 4 });
    const { decideIntake } = createActivities({ store: store(), temporal: null as unknown as Client, taskQueue: 'unused', clock: now });
    expect(await decideIntake({ orderId: covered!, decisionKey: `${covered}:intake` })).toMatchObject({ outcome: 'accept' });
    expect(await decideIntake({ orderId: covered!, decisionKey: `${covered}:intake` })).toMatchObject({ outcome: 'accept' });
    // P has 2 left and would fit; Q has 1 left and does not: the order takes neither.
    expect(await decideIntake({ orderId: uncovered!, decisionKey: `${uncovered}:intake` })).toMatchObject({ outcome: 'hold', holdType: 'inventory' });
    expect([await stockOf('P'), await stockOf('Q')]).toMatchObject([{ reserved: 2 }, { reserved: 3 }]);
    expect(await reservationsOf(uncovered!)).toEqual([]);
  });

  it.each([
    { to: 'cancelled', status: 'released', after: { on_hand: 5, reserved: 0 } },
    { to: 'rejected', status: 'released', after: { on_hand: 5, reserved: 0 } },
    { to: 'completed', status: 'consumed', after: { on_hand: 3, reserved: 0 } },
  ] as const)('entering $to, the order’s reservation is $status, once', async ({ to, status, after }) => {
    const sku = `E-${to}`;
    const [id] = await setUp(`end-${to}`, 1, [{ sku, qty: 2 }], { [sku]: 5 });
    const { decideIntake } = createActivities({ store: store(), temporal: null as unknown as Client, taskQueue: 'unused', clock: now });
    await decideIntake({ orderId: id!, decisionKey: `${id}:intake` });
    expect(await stockOf(sku)).toMatchObject({ reserved: 2 });
    const t: OrderTransition = { key: `${id}:end`, orderId: id!, from: 'queued', to, event: 'TEST', actor: 'test', reason: null, priorityScore: null, escalation: null, holds: [], assignee: null, data: null };
    await store().em.fork().transactional((tx) => projectTransition(tx, t, now()));
    await store().em.fork().transactional((tx) => projectTransition(tx, { ...t, key: `${id}:again` }, now()));
    expect(await stockOf(sku)).toMatchObject(after);
    expect(await reservationsOf(id!)).toEqual([{ sku, qty: 2, status }]);
  });

  describe('in a warehouse that reserves at release', () => {
    /** Orders queued in the pools of `areas` areas without a WIP limit, `perArea` each, one unit of `sku` apiece, from warehouse W2. */
    const queue = async (prefix: string, areas: number, perArea: number, sku: string, onHand: number) => {
      const em = store().em.fork();
      em.create(ProductRecord, { sku, name: sku, unit: 'each', active: true, createdAt: now(), updatedAt: now() });
      em.create(StockRecord, { warehouse: 'W2', sku, onHand, reserved: 0, updatedAt: now() });
      const areaIds = Array.from({ length: areas }, (_, a) => `${prefix}-area-${a}`);
      for (const [a, areaId] of areaIds.entries()) {
        em.create(WorkAreaRecord, { id: areaId, name: areaId, kind: 'pick_zone', wipLimit: null });
        for (let i = 0; i < perArea; i++) {
          const line = { sku, qty: 1, price: 1 };
          em.create(OrderRecord, { id: `${prefix}-${a}-${i}`, account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt: hoursFromNow(6 + i), workAreaId: areaId, warehouse: 'W2', lines: [line], state: 'queued', inPool: true, queuedAt: now(), paymentMode: 'prepaid', orderValue: 1, lineCount: 1, units: 1 });
        }
      }
      await em.flush();
      return areaIds;
    };
    /** Cycles that tell their orders: what each order was told, by signal name. */
    const told: { orderId: string; signal: string; arg: unknown }[] = [];
    const temporal = { workflow: { getHandle: (workflowId: string) => ({ signal: async (def: { name: string }, arg: unknown) => void told.push({ orderId: workflowId.replace(/^order-/, ''), signal: def.name, arg }) }) } } as unknown as Client;

    it('is set per warehouse, acceptance until changed, and the change is audited', async () => {
      const em = store().em.fork();
      if (!(await em.findOne(WorkAreaRecord, { id: 'zone-a' }))) await seedDefaults(store().em.fork());
      expect(await reserveAtOf(em, 'W2')).toBe('acceptance');
      expect(await putWarehouseSettings(em, 'W2', { reserveAt: 'release' }, 'admin', now())).toMatchObject({ warehouse: 'W2', reserveAt: 'release', updatedBy: 'admin' });
      expect(await reserveAtOf(store().em.fork(), 'W2')).toBe('release');
      expect(await reserveAtOf(store().em.fork(), 'W1')).toBe('acceptance');
      const { rows } = await sql<{ actor: string; action: string }>`select actor, action from audit_log where subject_type = ${'warehouse'} and subject_id = ${'W2'}`.execute(sqlOn(store().em.fork()));
      expect(rows).toEqual([{ actor: 'admin', action: 'warehouse_settings_changed' }]);
    });

    it('keeps a warehouse location (the depot of its trips) apart from when it reserves, and clears it with null', async () => {
      const em = store().em.fork();
      expect(await warehouseLocation(em, 'W-LOC')).toBeNull();
      const at = { lat: 52.37, lng: 4.89 };
      expect(await putWarehouseSettings(em, 'W-LOC', { location: at }, 'admin', now())).toMatchObject({ warehouse: 'W-LOC', reserveAt: 'acceptance', location: at });
      expect(await putWarehouseSettings(store().em.fork(), 'W-LOC', { reserveAt: 'release' }, 'admin', now())).toMatchObject({ reserveAt: 'release', location: at });
      expect((await listWarehouseSettings(store().em.fork())).find((w) => w.warehouse === 'W-LOC')?.location).toEqual(at);
      expect(await putWarehouseSettings(store().em.fork(), 'W-LOC', { location: null }, 'admin', now())).toMatchObject({ reserveAt: 'release', location: null });
      const { rows } = await sql<{ data: string | object }>`select data from audit_log where subject_type = ${'warehouse'} and subject_id = ${'W-LOC'} order by seq`.execute(sqlOn(store().em.fork()));
      const changes = rows.map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as { after: { location: unknown } });
      expect(changes.map((c) => c.after.location)).toEqual([at, at, null]);
    });

    it('intake reserves nothing, and its facts still say what the available stock cannot cover', async () => {
      const em = store().em.fork();
      em.create(ProductRecord, { sku: 'INTAKE-R', name: 'INTAKE-R', unit: 'each', active: true, createdAt: now(), updatedAt: now() });
      em.create(StockRecord, { warehouse: 'W2', sku: 'INTAKE-R', onHand: 2, reserved: 0, updatedAt: now() });
      for (const [id, qty] of [['fits-1', 2], ['fits-2', 2], ['too-many', 3]] as const) {
        em.create(OrderRecord, { id, account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt: hoursFromNow(6), workAreaId: 'zone-a', warehouse: 'W2', lines: [{ sku: 'INTAKE-R', qty, price: 1 }], state: 'validating', paymentMode: 'prepaid', orderValue: qty, lineCount: 1, units: qty });
      }
      await em.flush();
      const { decideIntake } = createActivities({ store: store(), temporal: null as unknown as Client, taskQueue: 'unused', clock: now });
      // Both fit what is free now, as nothing is taken before release; the third wants more than there is.
      expect(await decideIntake({ orderId: 'fits-1', decisionKey: 'fits-1:intake' })).toMatchObject({ outcome: 'accept' });
      expect(await decideIntake({ orderId: 'fits-2', decisionKey: 'fits-2:intake' })).toMatchObject({ outcome: 'accept' });
      expect(await decideIntake({ orderId: 'too-many', decisionKey: 'too-many:intake' })).toMatchObject({ outcome: 'hold', holdType: 'inventory' });
      expect((await sql<{ reserved: number }>`select reserved from stock where warehouse = ${'W2'} and sku = ${'INTAKE-R'}`.execute(sqlOn(store().em.fork()))).rows[0]).toMatchObject({ reserved: 0 });
      expect([...(await reservationsOf('fits-1')), ...(await reservationsOf('fits-2'))]).toEqual([]);
    });

    it('200 orders in 20 areas released at once for the last 50 units: exactly 50 released and reserved, the other 150 held for inventory', async () => {
      const areas = await queue('rel', 20, 10, 'LAST-R', 50);
      const cycle = runReleaseCycleActivity({ store: store(), temporal, taskQueue: 'unused', clock: now });
      const cycles = await Promise.all(areas.map((workAreaId) => cycle({ workAreaId, triggers: ['order_queued'], tellOrders: true })));
      const released = cycles.flatMap((c) => c.release.map((r) => r.orderId));
      const held = cycles.flatMap((c) => (c.hold ?? []).map((h) => h.orderId));
      expect(released).toHaveLength(50);
      expect(held).toHaveLength(150);
      expect(new Set([...released, ...held]).size).toBe(200);
      const stock = (await sql<{ on_hand: number; reserved: number }>`select on_hand, reserved from stock where warehouse = ${'W2'} and sku = ${'LAST-R'}`.execute(sqlOn(store().em.fork()))).rows[0]!;
      expect({ onHand: Number(stock.on_hand), reserved: Number(stock.reserved) }).toEqual({ onHand: 50, reserved: 50 });
      const { rows } = await sql<{ order_id: string }>`select order_id from reservations where sku = ${'LAST-R'} and status = ${'reserved'} order by order_id`.execute(sqlOn(store().em.fork()));
      expect(rows.map((r) => r.order_id)).toEqual([...released].sort());
      // Held orders keep no slot and are told why; released ones are told to go.
      expect(await store().em.fork().count(OrderRecord, { id: { $in: held }, releaseCycleId: { $ne: null } })).toBe(0);
      expect(told.filter((t) => t.signal === 'stockShortAtRelease').map((t) => t.orderId).sort()).toEqual([...held].sort());
      expect(told.find((t) => t.signal === 'stockShortAtRelease')?.arg).toEqual({ reason: 'Short of stock at release (LAST-R): waits for a receipt.' });
      expect(told.filter((t) => t.signal === 'release').map((t) => t.orderId).sort()).toEqual([...released].sort());
    });
  });
});
