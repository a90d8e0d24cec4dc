import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderSummary } from '../../domain/order.ts';
import type { ReceiptResult, ReceiptUploadResult, StockRow } from '../../domain/inventory.ts';
import { sqlOn } from '../../store/sql.ts';
import { hoursFromNow } from '../../test/clock.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';

/** Stock through the API on the real dev server: an order short of stock is held, a receipt lets it go, a cancel gives its stock back. */
describe('receiving stock', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ wipLimit: 50, worker: true });
    for (const sku of ['BOLT', 'NUT']) {
      const res = await h.request(`/products/${sku}`, { method: 'PUT', role: 'ops_manager', body: JSON.stringify({ name: `${sku} M8`, unit: 'each' }) });
      expect(res.status).toBe(200);
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  let n = 0;
  const post = async (lines: { sku: string; qty: number }[], dueInHours = 6): Promise<OrderSummary> => {
    const res = await h.request('/orders', {
      method: 'POST',
      body: JSON.stringify({ reference: `STOCK-${++n}`, account: 'ACME', dueAt: hoursFromNow(dueInHours), workAreaId: h.workAreaId, warehouse: 'W1', lines: lines.map((l) => ({ ...l, price: 5 })) }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as OrderSummary;
  };
  const receive = async (id: string, lines: { sku: string; qty: number }[]) => {
    const res = await h.request('/stock/receipts', { method: 'POST', body: JSON.stringify({ id, warehouse: 'W1', lines }) });
    expect(res.status).toBe(200);
    return (await res.json()) as ReceiptResult;
  };
  const stock = async (sku: string) => {
    const res = await h.request(`/stock?warehouse=W1&sku=${sku}`);
    return ((await res.json()) as { stock: StockRow[] }).stock[0];
  };
  const reservationStatus = async (orderId: string) =>
    (await sql<{ status: string }>`select status from reservations where order_id = ${orderId}`.execute(sqlOn(h.store.em.fork()))).rows.map((r) => r.status);

  it('a receipt covering an order on an inventory hold reserves its lines and releases the hold, oldest due first, once per receipt id', async () => {
    const later = await post([{ sku: 'BOLT', qty: 4 }], 8);
    const sooner = await post([{ sku: 'BOLT', qty: 3 }, { sku: 'NUT', qty: 3 }], 4);
    expect((await h.reach(later.id, 'on_hold')).holds).toMatchObject([{ type: 'inventory', placedBy: 'intake rules' }]);
    await h.reach(sooner.id, 'on_hold');

    // 5 bolts and 3 nuts: enough for the order due sooner, not for both.
    const first = await receive('R-1', [{ sku: 'BOLT', qty: 5 }, { sku: 'NUT', qty: 3 }]);
    expect(first).toEqual({ id: 'R-1', duplicate: false, cleared: [sooner.id] });
    const released = await h.reach(sooner.id, 'assigned');
    expect(released.timeline.find((t) => t.event === 'RELEASE_HOLD')).toMatchObject({ actor: 'receipt:R-1' });
    expect(await stock('BOLT')).toMatchObject({ onHand: 5, reserved: 3, available: 2 });
    expect((await h.getOrder(later.id)).state).toBe('on_hold');

    expect(await receive('R-1', [{ sku: 'BOLT', qty: 5 }, { sku: 'NUT', qty: 3 }])).toEqual({ id: 'R-1', duplicate: true, cleared: [] });
    expect(await stock('BOLT')).toMatchObject({ onHand: 5 });

    const upload = await h.request('/stock/receipts/upload?id=FILE-1', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'sku,warehouse,qty\nBOLT,W1,2\nGHOST,W1,1\nBOLT,W1,-3\n' });
    expect(upload.status).toBe(200);
    const report = (await upload.json()) as ReceiptUploadResult;
    expect(report.rows.map((r) => r.outcome)).toEqual(['received', 'invalid', 'invalid']);
    expect(report.cleared).toEqual([later.id]);
    await h.reach(later.id, 'assigned');
    expect(await stock('BOLT')).toMatchObject({ onHand: 7, reserved: 7 });
  });

  it('cancelling an order gives its reserved stock back', async () => {
    await receive('R-2', [{ sku: 'NUT', qty: 10 }]);
    const order = await post([{ sku: 'NUT', qty: 4 }]);
    await h.reach(order.id, 'assigned');
    expect(await stock('NUT')).toMatchObject({ onHand: 13, reserved: 7 });
    const res = await h.request(`/orders/${order.id}/actions`, { method: 'POST', role: 'dispatcher', body: JSON.stringify({ action: 'cancel', reason: 'customer withdrew' }) });
    expect(res.status).toBe(200);
    await h.reach(order.id, 'cancelled');
    expect(await stock('NUT')).toMatchObject({ onHand: 13, reserved: 3 });
    expect(await reservationStatus(order.id)).toEqual(['released']);
  });
});
