import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { RmaApprover, RmaLineInput } from '../../domain/returns/rma.ts';
import type { Role } from '../../domain/roles.ts';
import { hoursFromNow } from '../../test/clock.ts';
import { useTempStore } from '../../test/temp-store.ts';
import { AccountRecord } from '../accounts/account.entity.ts';
import { inTransaction } from '../in-transaction.ts';
import { StockRecord } from '../inventory/stock.entity.ts';
import { OrderRecord } from '../order.entity.ts';
import { sqlOn } from '../sql.ts';
import { priceRmaLines, storeRequestedRma } from './request-rma.ts';
import { readRma } from './rmas.ts';
import { RmaRefusal } from './rma-summary.ts';
import { reserveSettlement, stepRma } from './transition-rma.ts';
import type { RmaAction } from '../../domain/returns/rma.ts';

/** Customer returns on the store the suite runs on (SQLite, or PostgreSQL with SLUICE_TEST_STORE=postgres). */
describe('customer returns (RMA) in the store', () => {
  const store = useTempStore();
  let n = 0;

  const deliveredOrder = async () => {
    const em = store().em.fork();
    const id = `o-${++n}`;
    if (!(await em.findOne(AccountRecord, { code: 'ACME' }))) em.create(AccountRecord, { code: 'ACME', name: 'Acme' });
    em.create(OrderRecord, {
      id,
      account: 'ACME',
      kind: 'pick',
      statedPriority: 'normal',
      dueAt: hoursFromNow(-2),
      workAreaId: 'default',
      warehouse: 'W1',
      lines: [{ sku: `A-${id}`, qty: 3, price: 40 }, { sku: `B-${id}`, qty: 1, price: 900.5 }],
      state: 'completed',
      paymentMode: 'prepaid',
    });
    em.create(StockRecord, { warehouse: 'W1', sku: `A-${id}`, onHand: 10, reserved: 0, updatedAt: new Date() });
    await em.flush();
    return em.findOneOrFail(OrderRecord, { id });
  };

  const request = async (order: OrderRecord, lines: RmaLineInput[], approver: RmaApprover = 'order_processor') => {
    const id = crypto.randomUUID();
    await inTransaction(store().em, (tx) => storeRequestedRma(tx, { id, order, ...priceRmaLines(order, lines), approver, decisionId: null, rejectedBecause: null, by: 'user:pat', now: new Date() }));
    return id;
  };
  const step = (id: string, action: RmaAction, roles: Role[] = ['order_processor']) => stepRma(store().em, { id, action, roles, actor: 'user:pat', now: new Date() });
  const onHand = async (sku: string) => Number((await sql<{ on_hand: number }>`select on_hand from stock where warehouse = ${'W1'} and sku = ${sku}`.execute(sqlOn(store().em.fork()))).rows[0]?.on_hand);
  const outcomes = (settled: PromiseSettledResult<unknown>[]) => ({ won: settled.filter((s) => s.status === 'fulfilled').length, refused: settled.filter((s) => s.status === 'rejected' && s.reason instanceof RmaRefusal).length });

  it('prices the lines at the order\'s prices, in cents', async () => {
    const order = await deliveredOrder();
    const id = await request(order, [{ sku: `A-${order.id}`, qty: 2, reason: 'damaged' }, { sku: `B-${order.id}`, qty: 1, reason: 'defective', note: 'Will not start' }]);
    const rma = (await readRma(store().em.fork(), id))!;
    expect(rma).toMatchObject({ state: 'requested', valueCents: 2 * 4_000 + 90_050, accountCode: 'ACME' });
    expect(rma.lines[1]).toEqual({ sku: `B-${order.id}`, qty: 1, reason: 'defective', note: 'Will not start', unitPriceCents: 90_050, valueCents: 90_050 });
    expect(rma.timeline).toMatchObject([{ action: 'request', toState: 'requested', actor: 'user:pat' }]);
  });

  it('refuses a SKU the order does not have', async () => {
    const order = await deliveredOrder();
    await expect(request(order, [{ sku: 'NOPE', qty: 1, reason: 'other' }])).rejects.toThrow(/has no line of SKU NOPE/);
  });

  it('returns at most what shipped, less what earlier returns claim; a cancelled return gives its claim back', async () => {
    const order = await deliveredOrder();
    const sku = `A-${order.id}`;
    await expect(request(order, [{ sku, qty: 4, reason: 'damaged' }])).rejects.toThrow(`Only 3 of SKU ${sku} can still be returned`);
    const first = await request(order, [{ sku, qty: 2, reason: 'damaged' }]);
    await expect(request(order, [{ sku, qty: 2, reason: 'damaged' }])).rejects.toThrow(`Only 1 of SKU ${sku} can still be returned`);
    await step(first, 'cancel');
    await expect(request(order, [{ sku, qty: 3, reason: 'damaged' }])).resolves.toBeTypeOf('string');
  });

  it('two returns requested at once for the last units: one is stored, the other refused', async () => {
    const order = await deliveredOrder();
    const settled = await Promise.allSettled([request(order, [{ sku: `A-${order.id}`, qty: 2, reason: 'damaged' }]), request(order, [{ sku: `A-${order.id}`, qty: 2, reason: 'wrong_item' }])]);
    expect(outcomes(settled)).toEqual({ won: 1, refused: 1 });
  });

  it('people approving and rejecting at once: one wins, the others are told and change nothing', async () => {
    const order = await deliveredOrder();
    const id = await request(order, [{ sku: `A-${order.id}`, qty: 1, reason: 'damaged' }]);
    const settled = await Promise.allSettled([step(id, 'approve'), step(id, 'reject'), step(id, 'approve', ['finance'])]);
    expect(outcomes(settled)).toEqual({ won: 1, refused: 2 });
    const rma = (await readRma(store().em.fork(), id))!;
    expect(rma.timeline.map((e) => e.action)).toEqual(['request', rma.state === 'rejected' ? 'reject' : 'approve']);
  });

  it('receiving twice at once is one receipt', async () => {
    const order = await deliveredOrder();
    const id = await request(order, [{ sku: `A-${order.id}`, qty: 1, reason: 'damaged' }]);
    await step(id, 'approve');
    expect(outcomes(await Promise.allSettled([step(id, 'receive'), step(id, 'receive')]))).toEqual({ won: 1, refused: 1 });
    expect((await readRma(store().em.fork(), id))!.timeline.filter((e) => e.action === 'receive')).toHaveLength(1);
  });

  it('restocking puts the units back on hand exactly once, however many press it at once; scrapping leaves stock alone', async () => {
    const order = await deliveredOrder();
    const sku = `A-${order.id}`;
    const restocked = await request(order, [{ sku, qty: 2, reason: 'wrong_item' }]);
    const scrapped = await request(order, [{ sku, qty: 1, reason: 'damaged' }]);
    for (const id of [restocked, scrapped]) for (const action of ['approve', 'receive', 'inspect'] as const) await step(id, action);
    expect(outcomes(await Promise.allSettled([step(restocked, 'restock'), step(restocked, 'restock'), step(restocked, 'scrap')]))).toEqual({ won: 1, refused: 2 });
    const after = await onHand(sku);
    expect([12, 10]).toContain(after);
    const state = (await readRma(store().em.fork(), restocked))!.state;
    expect(after).toBe(state === 'restocked' ? 12 : 10);
    await step(scrapped, 'scrap');
    expect(await onHand(sku)).toBe(after);
  });

  it('a return is reserved for one settlement: a credit and an exchange asked at once cannot both go on', async () => {
    const order = await deliveredOrder();
    const id = await request(order, [{ sku: `A-${order.id}`, qty: 1, reason: 'damaged' }]);
    expect(await reserveSettlement(store().em, id, 'credit')).toBe(false);
    for (const action of ['approve', 'receive', 'inspect', 'scrap'] as const) await step(id, action);
    const [credit, exchange] = await Promise.all([reserveSettlement(store().em, id, 'credit'), reserveSettlement(store().em, id, 'exchange')]);
    expect([credit, exchange].filter(Boolean)).toHaveLength(1);
    expect(await reserveSettlement(store().em, id, credit ? 'credit' : 'exchange')).toBe(true);
  });

  it('above the threshold only finance approves', async () => {
    const order = await deliveredOrder();
    const id = await request(order, [{ sku: `B-${order.id}`, qty: 1, reason: 'defective' }], 'finance');
    await expect(step(id, 'approve')).rejects.toThrow(/finance decides/);
    await expect(step(id, 'approve', ['finance'])).resolves.toMatchObject({ state: 'approved' });
  });

  it('a rejected request is stored rejected and claims nothing', async () => {
    const order = await deliveredOrder();
    const id = crypto.randomUUID();
    const sku = `A-${order.id}`;
    await inTransaction(store().em, (tx) =>
      storeRequestedRma(tx, { id, order, ...priceRmaLines(order, [{ sku, qty: 3, reason: 'no_longer_needed' }]), approver: 'order_processor', decisionId: 'rma:x', rejectedBecause: 'Too late', by: 'user:pat', now: new Date() }),
    );
    expect((await readRma(store().em.fork(), id))!).toMatchObject({ state: 'rejected', timeline: [{ action: 'request' }, { action: 'reject', reason: 'Too late', actor: 'rules:rma:x' }] });
    await expect(request(order, [{ sku, qty: 3, reason: 'damaged' }])).resolves.toBeTypeOf('string');
  });
});
