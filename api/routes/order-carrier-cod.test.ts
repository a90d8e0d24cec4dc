import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderBatchResult } from '../../domain/order-batch.ts';
import type { OrderDetail, OrderSummary } from '../../domain/order.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { hoursFromNow } from '../../test/clock.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';

/** Carrier type and COD amount through POST /orders and /orders/batch, stored and read back (workflows start; no worker moves them). */
describe('intake of an order naming a carrier type and a COD amount', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const order = (reference: string, extra: Record<string, unknown>) => ({ reference, account: 'ACME', dueAt: hoursFromNow(6), workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 2, price: 40 }], ...extra });
  const post = (body: unknown, key: string) => h.request('/orders', { method: 'POST', body: JSON.stringify(body), headers: { 'idempotency-key': key } });
  const stored = (reference: string) => h.store.em.fork().findOne(OrderRecord, { reference });

  it('stores both, answers them and shows them on the order', async () => {
    const res = await post(order('COD-1', { paymentMode: 'cod', carrierType: 'prime', codAmount: 75.5 }), 'cod-1');
    expect(res.status, await res.clone().text()).toBe(201);
    const created = (await res.json()) as OrderSummary;
    expect(created).toMatchObject({ paymentMode: 'cod', carrierType: 'prime', codAmount: 75.5 });
    expect(await stored('COD-1')).toMatchObject({ carrierType: 'prime', codAmount: 75.5 });
    const detail = (await (await h.request(`/orders/${created.id}`)).json()) as OrderDetail;
    expect(detail).toMatchObject({ carrierType: 'prime', codAmount: 75.5 });
  });

  it('an order naming neither has null for both', async () => {
    const res = await post(order('PLAIN-1', {}), 'plain-1');
    expect(res.status).toBe(201);
    expect((await res.json()) as OrderSummary).toMatchObject({ carrierType: null, codAmount: null });
  });

  it.each([
    { what: 'a COD amount on a prepaid order', extra: { codAmount: 10 }, path: 'codAmount', message: /only for cash-on-delivery orders/ },
    { what: 'three decimals', extra: { paymentMode: 'cod', codAmount: 10.125 }, path: 'codAmount', message: /at most two decimals/ },
    { what: 'an unknown carrier type', extra: { carrierType: 'drone' }, path: 'carrierType', message: /internal/ },
  ])('refuses $what with a 400 naming the field, and stores nothing', async ({ what, extra, path, message }) => {
    const reference = `BAD-${what}`;
    const res = await post(order(reference, extra), `bad-${what}`);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { issues: { path: string; message: string }[] } };
    expect(error.issues.find((i) => i.path === path)?.message).toMatch(message);
    expect(await stored(reference)).toBeNull();
  });

  it('the same key with another COD amount or carrier type is still refused (409); with the same body it is the same order', async () => {
    const body = order('COD-KEY', { paymentMode: 'cod', carrierType: 'internal', codAmount: 20 });
    const first = (await (await post(body, 'cod-key')).json()) as OrderSummary;
    expect((await post({ ...body, codAmount: 21 }, 'cod-key')).status).toBe(409);
    expect((await post({ ...body, carrierType: 'hybrid' }, 'cod-key')).status).toBe(409);
    const again = await post(body, 'cod-key');
    expect(again.status).toBe(200);
    expect(((await again.json()) as OrderSummary).id).toBe(first.id);
  });

  it('batch intake takes both and refuses a COD amount on a prepaid order per item', async () => {
    const res = await h.request('/orders/batch', {
      method: 'POST',
      body: JSON.stringify({
        orders: [
          { idempotencyKey: 'b-cod', order: order('B-COD', { paymentMode: 'cod', carrierType: 'external', codAmount: 12.34 }) },
          { idempotencyKey: 'b-bad', order: order('B-BAD', { codAmount: 12.34 }) },
        ],
      }),
    });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as OrderBatchResult;
    expect(results.map((r) => r.outcome)).toEqual(['created', 'rejected']);
    expect(results[1]).toMatchObject({ error: { issues: [{ path: 'order.codAmount' }] } });
    expect(await stored('B-COD')).toMatchObject({ carrierType: 'external', codAmount: 12.34 });
    expect(await stored('B-BAD')).toBeNull();
  });
});
