import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceiptResult, SplitProposal, StockRow } from '../../domain/inventory.ts';
import type { OrderSummary } from '../../domain/order.ts';
import { ReleaseCycleRecord } from '../../store/release-cycle.entity.ts';
import { sqlOn } from '../../store/sql.ts';
import { hoursFromNow } from '../../test/clock.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';

/**
 * The inventory and pricing holds on the real dev server: a price off the list held for pricing, a split by
 * availability from an inventory hold, and a warehouse that reserves at release.
 */
describe('inventory and pricing holds', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ wipLimit: 50, worker: true });
    for (const sku of ['GEAR', 'BELT', 'CHAIN', 'PULLEY']) {
      const res = await h.request(`/products/${sku}`, { method: 'PUT', role: 'ops_manager', body: JSON.stringify({ name: `${sku} 40`, unit: 'each' }) });
      expect(res.status).toBe(200);
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  let n = 0;
  const post = async (lines: { sku: string; qty: number; price?: number }[], warehouse?: string, dueInHours = 6): Promise<OrderSummary> => {
    const res = await h.request('/orders', {
      method: 'POST',
      body: JSON.stringify({ reference: `HOLDS-${++n}`, account: 'ACME', dueAt: hoursFromNow(dueInHours), workAreaId: h.workAreaId, ...(warehouse ? { warehouse } : {}), lines: lines.map((l) => ({ price: 5, ...l })) }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as OrderSummary;
  };
  const receive = async (id: string, warehouse: string, lines: { sku: string; qty: number }[]) => {
    const res = await h.request('/stock/receipts', { method: 'POST', body: JSON.stringify({ id, warehouse, lines }) });
    expect(res.status).toBe(200);
    return (await res.json()) as ReceiptResult;
  };
  const act = async (orderId: string, body: Record<string, unknown>, role: 'specialist' | 'order_processor' | 'dispatcher') => {
    const res = await h.request(`/orders/${orderId}/actions`, { method: 'POST', role, body: JSON.stringify(body) });
    expect(res.status, await res.clone().text()).toBe(200);
  };
  const stock = async (warehouse: string, sku: string) => ((await (await h.request(`/stock?warehouse=${warehouse}&sku=${sku}`)).json()) as { stock: StockRow[] }).stock[0];
  const reservations = async (orderId: string) =>
    (await sql<{ sku: string; status: string }>`select sku, status from reservations where order_id = ${orderId} order by sku`.execute(sqlOn(h.store.em.fork()))).rows;

  it('an order priced off the list is held for pricing by the default intake rules, and goes on once the hold is released', async () => {
    const list = (await (await h.request('/price-lists', { method: 'POST', role: 'ops_manager', body: JSON.stringify({ name: 'Standard', isDefault: true }) })).json()) as { id: string };
    const priced = await h.request(`/price-lists/${list.id}/prices`, { method: 'PUT', role: 'ops_manager', body: JSON.stringify({ prices: ['GEAR', 'BELT', 'CHAIN', 'PULLEY'].map((sku) => ({ sku, price: 5 })) }) });
    expect(priced.status).toBe(200);

    const listed = await post([{ sku: 'GEAR', qty: 1 }]);
    const offList = await post([{ sku: 'GEAR', qty: 1 }, { sku: 'BELT', qty: 1, price: 4.5 }]);
    await h.reach(listed.id, 'assigned');
    const held = await h.reach(offList.id, 'on_hold');
    expect(held.holds).toEqual([{ type: 'pricing', reason: "A line's price differs from its list price.", placedBy: 'intake rules' }]);

    await act(offList.id, { action: 'release_hold', holdType: 'pricing', reason: 'Agreed discount on belts' }, 'order_processor');
    const released = await h.reach(offList.id, 'assigned');
    expect(released.holds).toEqual([]);
  });

  it('a specialist splits an order on an inventory hold by availability: the part in stock is reserved and released, the rest waits until a receipt covers it', async () => {
    await receive('SPLIT-R1', 'W1', [{ sku: 'CHAIN', qty: 5 }]);
    const order = await post([{ sku: 'CHAIN', qty: 2 }, { sku: 'PULLEY', qty: 3 }, { sku: 'CHAIN', qty: 1 }], 'W1');
    expect((await h.reach(order.id, 'on_hold')).allowedActions).toContain('split');

    const proposal = (await (await h.request(`/orders/${order.id}/split-by-availability`, { role: 'specialist' })).json()) as SplitProposal;
    expect(proposal).toEqual({ parts: [[0, 2], [1]] });
    // Another hold's owner must clear it first; a dispatcher may not split at all.
    const refused = await h.request(`/orders/${order.id}/actions`, { method: 'POST', role: 'dispatcher', body: JSON.stringify({ action: 'split', parts: proposal.parts }) });
    expect(refused.status).toBe(403);
    await act(order.id, { action: 'split', parts: proposal.parts, reason: 'Split by availability' }, 'specialist');
    await h.reach(order.id, 'split');

    const [inStock, waiting] = [`${order.id}-1`, `${order.id}-2`];
    await h.reach(inStock, 'assigned');
    expect(await reservations(inStock)).toEqual([{ sku: 'CHAIN', status: 'reserved' }]);
    expect((await h.reach(waiting, 'on_hold')).holds).toMatchObject([{ type: 'inventory', placedBy: 'intake rules' }]);
    expect(await stock('W1', 'CHAIN')).toMatchObject({ onHand: 5, reserved: 3 });

    expect(await receive('SPLIT-R2', 'W1', [{ sku: 'PULLEY', qty: 3 }])).toMatchObject({ cleared: [waiting] });
    await h.reach(waiting, 'assigned');
    expect(await reservations(waiting)).toEqual([{ sku: 'PULLEY', status: 'reserved' }]);
  });

  it('a warehouse that reserves at release: orders accepted on the same units, the one released takes them, the other is held until a receipt', async () => {
    const set = await h.request('/warehouses/W3', { method: 'PUT', role: 'admin', body: JSON.stringify({ reserveAt: 'release' }) });
    expect(set.status).toBe(200);
    await receive('REL-R1', 'W3', [{ sku: 'GEAR', qty: 2 }]);
    const paused = await h.request(`/work-areas/${h.workAreaId}/status`, { method: 'PUT', role: 'dispatcher', body: JSON.stringify({ status: 'paused', reason: 'stock test' }) });
    expect(paused.status).toBe(200);
    // Both fit the 2 units free at intake: neither takes them before release.
    const first = await post([{ sku: 'GEAR', qty: 2 }], 'W3', 4);
    const second = await post([{ sku: 'GEAR', qty: 2 }], 'W3', 8);
    await h.reach(first.id, 'queued');
    await h.reach(second.id, 'queued');
    expect(await stock('W3', 'GEAR')).toMatchObject({ onHand: 2, reserved: 0 });

    const opened = await h.request(`/work-areas/${h.workAreaId}/status`, { method: 'PUT', role: 'dispatcher', body: JSON.stringify({ status: 'open', reason: 'stock test done' }) });
    expect(opened.status).toBe(200);
    await h.reach(first.id, 'assigned');
    const held = await h.reach(second.id, 'on_hold');
    expect(held.holds).toEqual([{ type: 'inventory', reason: 'Short of stock at release (GEAR): waits for a receipt.', placedBy: 'stock check at release' }]);
    expect(await stock('W3', 'GEAR')).toMatchObject({ onHand: 2, reserved: 2 });
    // The cycle's record counts only what it released: the held order waits there with its reason, its slot given back.
    // (Cycles while the area was paused list both as waiting, for the pause: the one that held it says why.)
    const shortReason = 'Short of stock at release (GEAR): waits for a receipt.';
    const cycles = await h.store.em.fork().find(ReleaseCycleRecord, { workAreaId: h.workAreaId });
    const cycle = cycles.find((c) => c.waited.some((w) => w.orderId === second.id && w.reason === shortReason));
    expect(cycle, JSON.stringify(cycles.map((c) => ({ released: c.released, waited: c.waited })))).toBeDefined();
    // Other tests' orders share the area and may go in the same cycle: what it took is what it released, no more.
    expect(cycle!.released.map((r) => r.orderId)).not.toContain(second.id);
    expect(cycle!.usedAfter - cycle!.usedBefore).toBe(cycle!.released.reduce((sum, r) => sum + r.weight, 0));

    expect(await receive('REL-R2', 'W3', [{ sku: 'GEAR', qty: 2 }])).toMatchObject({ cleared: [second.id] });
    const released = await h.reach(second.id, 'assigned');
    expect(released.timeline.find((t) => t.event === 'RELEASE_HOLD')).toMatchObject({ actor: 'receipt:REL-R2' });
    expect(await stock('W3', 'GEAR')).toMatchObject({ onHand: 4, reserved: 4 });
  });

  it('a forced release in a warehouse that reserves at release takes the stock the cycle would have, and is refused without it', async () => {
    expect((await h.request('/warehouses/W4', { method: 'PUT', role: 'admin', body: JSON.stringify({ reserveAt: 'release' }) })).status).toBe(200);
    await receive('FORCE-R1', 'W4', [{ sku: 'PULLEY', qty: 1 }]);
    const area = (status: 'paused' | 'open') => h.request(`/work-areas/${h.workAreaId}/status`, { method: 'PUT', role: 'dispatcher', body: JSON.stringify({ status, reason: 'forced release test' }) });
    expect((await area('paused')).status).toBe(200);
    try {
      const first = await post([{ sku: 'PULLEY', qty: 1 }], 'W4', 4);
      const second = await post([{ sku: 'PULLEY', qty: 1 }], 'W4', 8);
      await h.reach(first.id, 'queued');
      await h.reach(second.id, 'queued');

      await act(first.id, { action: 'force_release', reason: 'The customer is at the counter' }, 'dispatcher');
      expect(await reservations(first.id)).toEqual([{ sku: 'PULLEY', status: 'reserved' }]);
      const refused = await h.request(`/orders/${second.id}/actions`, { method: 'POST', role: 'dispatcher', body: JSON.stringify({ action: 'force_release', reason: 'Also urgent' }) });
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('W4 is short of PULLEY');
      expect(await reservations(second.id)).toEqual([]);
      expect(await stock('W4', 'PULLEY')).toMatchObject({ onHand: 1, reserved: 1 });
      expect((await h.reach(second.id, 'queued')).state).toBe('queued');
    } finally {
      expect((await area('open')).status).toBe(200);
    }
  });
});
