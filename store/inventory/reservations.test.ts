import type { Client } from '@temporalio/client';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.ts';
import { hoursFromNow } from '../../test/clock.ts';
import { useTempStore } from '../../test/temp-store.ts';
import { OrderRecord } from '../order.entity.ts';
import { projectTransition, type OrderTransition } from '../order-transition.ts';
import { seedDefaults } from '../seed.ts';
import { sqlOn } from '../sql.ts';
import { WorkAreaRecord } from '../work-area.entity.ts';
import { ProductRecord } from './catalogue.entity.ts';
import { StockRecord } from './stock.entity.ts';

/** Reservations at intake, on the store the suite runs on (SQLite, or PostgreSQL with SLUICE_TEST_STORE=postgres). */
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
});
