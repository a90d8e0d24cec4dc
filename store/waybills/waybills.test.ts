import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { OrderState } from '../../domain/lifecycle.ts';
import type { CarrierType, OrderKind } from '../../domain/order.ts';
import { hoursFromNow } from '../../test/clock.ts';
import { useTempStore } from '../../test/temp-store.ts';
import { AccountRecord } from '../accounts/account.entity.ts';
import { AuditEntryRecord } from '../audit-entry.entity.ts';
import { OrderRecord } from '../order.entity.ts';
import { sqlOn } from '../sql.ts';
import { WorkAreaRecord } from '../work-area.entity.ts';
import { waybillManifest } from './waybill-manifest.ts';
import { WaybillRefusal } from './waybill-refusal.ts';
import { addWaybillOrders, createWaybill, readWaybill, removeWaybillOrder, sealWaybill } from './waybills.ts';

/** Waybills on the store the suite runs on (SQLite, or PostgreSQL with SLUICE_TEST_STORE=postgres). */
describe('waybills in the store', () => {
  const store = useTempStore();
  const who = () => ({ by: 'user:dee', now: new Date() });

  const order = async (o: { kind?: OrderKind; state?: OrderState; warehouse?: string; zone?: string; carrierType?: CarrierType | null } = {}) => {
    const em = store().em.fork();
    if (!(await em.findOne(WorkAreaRecord, { id: 'pool-w' }))) {
      em.create(AccountRecord, { code: 'ACME', name: 'Acme' });
      em.create(WorkAreaRecord, { id: 'pool-w', name: 'Waybill drivers', kind: 'driver_pool', wipLimit: 50 });
    }
    const id = `o-${crypto.randomUUID().slice(0, 8)}`;
    em.create(OrderRecord, {
      id, account: 'ACME', kind: o.kind ?? 'delivery', statedPriority: 'normal', dueAt: hoursFromNow(4), workAreaId: 'pool-w', warehouse: o.warehouse ?? 'W1', zone: o.zone ?? 'north',
      carrierType: o.carrierType ?? null, lines: [{ sku: 'BOX', qty: 2, price: 10 }], units: 2, orderValue: 20, state: o.state ?? 'assigned', paymentMode: 'prepaid',
    });
    await em.flush();
    return id;
  };
  const waybill = async () => {
    const id = crypto.randomUUID();
    await createWaybill(store().em, id, { origin: 'W1', destination: 'north', carrierType: 'internal' }, who());
    return id;
  };
  const refusal = (p: Promise<unknown>) => p.then(() => null, (err: unknown) => (err instanceof WaybillRefusal ? err.message : Promise.reject(err)));
  const orders = async (id: string) => (await readWaybill(store().em.fork(), id))!.orderIds;

  it('adds orders of its lane, refuses others saying why, removes one, seals and then refuses every change', async () => {
    const w = await waybill();
    const [a, b] = [await order(), await order({ carrierType: 'internal' })];
    const south = await order({ zone: 'south' });
    expect(await refusal(sealWaybill(store().em, w, who()))).toMatch(/has no orders: add the deliveries/);
    expect(await refusal(addWaybillOrders(store().em, w, [a, south], who()))).toMatch(/goes to south, not north/);
    expect(await orders(w)).toEqual([]);
    await addWaybillOrders(store().em, w, [a, b], who());
    expect(await refusal(addWaybillOrders(store().em, w, [a], who()))).toBe(`Order ${a} is already on this waybill.`);
    await removeWaybillOrder(store().em, w, b, who());
    expect(await orders(w)).toEqual([a]);
    await sealWaybill(store().em, w, who());
    expect(await refusal(addWaybillOrders(store().em, w, [b], who()))).toMatch(/The waybill is sealed: its orders are locked/);
    expect(await refusal(removeWaybillOrder(store().em, w, a, who()))).toMatch(/sealed/);
    expect(await refusal(sealWaybill(store().em, w, who()))).toMatch(/was sealed by user:dee/);
    const log = await store().em.fork().find(AuditEntryRecord, { subjectId: w }, { orderBy: { seq: 'asc' } });
    expect(log.map((e) => e.action)).toEqual(['create', 'add_orders', 'remove_order', 'seal']);
    const manifest = (await waybillManifest(store().em.fork(), w))!;
    expect(manifest.lines).toMatchObject([{ orderId: a, units: 2, value: 20, paymentMode: 'prepaid', codAmount: null }]);
    expect(manifest.totals).toEqual({ orders: 1, units: 2, value: 20 });
  });

  it('the database itself refuses changing a sealed waybill, whatever code tries', async () => {
    const w = await waybill();
    const [a, b] = [await order(), await order()];
    await addWaybillOrders(store().em, w, [a], who());
    await sealWaybill(store().em, w, who());
    const db = sqlOn(store().em.fork());
    await expect(sql`insert into waybill_orders (order_id, waybill_id, added_at) values (${b}, ${w}, ${new Date()})`.execute(db)).rejects.toThrow(/a sealed waybill is locked/);
    await expect(sql`delete from waybill_orders where order_id = ${a}`.execute(db)).rejects.toThrow(/a sealed waybill is locked/);
    await expect(sql`update waybills set state = ${'open'} where id = ${w}`.execute(db)).rejects.toThrow(/a sealed waybill is locked/);
    expect(await orders(w)).toEqual([a]);
  });

  it('puts an order on one waybill only: two waybills taking it at once, one wins', async () => {
    for (let round = 0; round < 5; round++) {
      const o = await order();
      const [x, y] = [await waybill(), await waybill()];
      const settled = await Promise.allSettled([x, y].map((w) => addWaybillOrders(store().em, w, [o], who())));
      expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
      const lost = (settled.find((s) => s.status === 'rejected') as PromiseRejectedResult).reason as Error;
      expect(lost).toBeInstanceOf(WaybillRefusal);
      expect(lost.message).toMatch(new RegExp(`Order ${o} is already on waybill`));
      expect([...(await orders(x)), ...(await orders(y))]).toEqual([o]);
    }
  });

  it('a seal and an added order at the same moment: the order is on the sealed waybill, or was refused', async () => {
    for (let round = 0; round < 5; round++) {
      const w = await waybill();
      await addWaybillOrders(store().em, w, [await order()], who());
      const late = await order();
      const [seal, add] = await Promise.allSettled([sealWaybill(store().em, w, who()), addWaybillOrders(store().em, w, [late], who())]);
      const final = (await readWaybill(store().em.fork(), w))!;
      if (add.status === 'fulfilled') expect(final.orderIds).toContain(late);
      else expect(final.orderIds).not.toContain(late);
      if (seal.status === 'fulfilled') expect(final.state).toBe('sealed');
      expect([seal, add].some((s) => s.status === 'fulfilled')).toBe(true);
    }
  });
});
