import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderSummary } from '../../domain/order.ts';
import type { Role } from '../../domain/roles.ts';
import type { Manifest, MoveResult, Waybill } from '../../domain/waybills/waybill.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { createHarness, eventually, type Harness } from '../../test/sluice-harness.ts';

/** Waybills through the API, on delivery orders the worker released and assigned, moved through their workflows. */
describe('waybills', () => {
  let h: Harness;
  const pool = `wb-drivers-${Date.now()}`;
  const site = `WB-${Date.now()}`;

  beforeAll(async () => {
    h = await createHarness({ worker: true });
    const area = await h.request('/work-areas', { method: 'POST', role: 'ops_manager', body: JSON.stringify({ id: pool, name: 'Waybill drivers', kind: 'driver_pool', zone: null, capacity: { wipLimit: 20 } }) });
    expect(area.status).toBe(201);
    const res = await h.request(`/work-areas/${pool}/resources`, { method: 'POST', role: 'ops_manager', body: JSON.stringify({ id: `van-${Date.now()}`, name: 'Van', kind: 'driver', capacity: 10 }) });
    expect(res.status, await res.text()).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const orderTo = async (zone: string, more: Record<string, unknown> = {}) => {
    const res = await h.request('/orders', {
      method: 'POST',
      body: JSON.stringify({ reference: `WB-${crypto.randomUUID()}`, account: 'ACME', kind: 'delivery', workAreaId: pool, warehouse: site, zone, dueAt: new Date(Date.now() + 8 * 3_600_000).toISOString(), lines: [{ sku: 'A', qty: 1, price: 5 }], ...more }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as OrderSummary;
    await eventually(async () => ((await h.getOrder(id)).state === 'assigned' ? true : undefined), `order ${id} to be assigned`);
    return id;
  };
  const call = async (method: string, path: string, body?: unknown, role: Role = 'dispatcher') => {
    const res = await h.request(path, { method, role, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, body: (await res.json()) as Waybill & { error?: { message: string } } };
  };

  it('groups deliveries of one lane, refuses another lane, seals, refuses a change once sealed, and moves its orders together', { timeout: 180_000 }, async () => {
    const [a, b, south] = [await orderTo('north'), await orderTo('north'), await orderTo('south')];
    const created = await call('POST', '/waybills', { origin: site, destination: 'north', carrierType: 'internal', note: 'Evening trunk' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;

    const wrong = await call('POST', `/waybills/${id}/orders`, { orderIds: [a, south] });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error!.message).toBe(`Order ${south} goes to south, not north: it belongs on that destination's waybill.`);
    const added = await call('POST', `/waybills/${id}/orders`, { orderIds: [a, b] });
    expect(added.status).toBe(200);
    expect(new Set(added.body.orderIds)).toEqual(new Set([a, b]));

    expect((await call('POST', `/waybills/${id}/moves`, { action: 'pick_up' })).status).toBe(409);
    const sealed = await call('POST', `/waybills/${id}/seal`);
    expect(sealed.body).toMatchObject({ state: 'sealed', sealedBy: expect.any(String) });
    const locked = await call('DELETE', `/waybills/${id}/orders/${a}`);
    expect(locked.status).toBe(409);
    expect(locked.body.error!.message).toBe('The waybill is sealed: its orders are locked. Open a new waybill for other orders.');

    const manifest = (await (await h.request(`/waybills/${id}/manifest`)).json()) as Manifest;
    expect(manifest.totals).toEqual({ orders: 2, units: 2, value: 10 });

    const moved = await h.request(`/waybills/${id}/moves`, { method: 'POST', role: 'dispatcher', body: JSON.stringify({ action: 'pick_up' }) });
    const { results } = (await moved.json()) as { results: MoveResult[] };
    expect(results).toEqual(expect.arrayContaining([{ orderId: a, ok: true, message: null }, { orderId: b, ok: true, message: null }]));
    for (const o of [a, b]) await eventually(async () => ((await h.getOrder(o)).state === 'picked_up' ? true : undefined), `order ${o} to be picked up`);
    // Picking up twice: each order's lifecycle refuses it, and the result says so order by order.
    const again = (await (await h.request(`/waybills/${id}/moves`, { method: 'POST', role: 'dispatcher', body: JSON.stringify({ action: 'pick_up' }) })).json()) as { results: MoveResult[] };
    expect(again.results.every((r) => !r.ok && typeof r.message === 'string' && r.message.length > 0)).toBe(true);
  });

  it('prints a sealed waybill\'s manifest as PDF, and refuses one still open', { timeout: 120_000 }, async () => {
    const plain = await orderTo('east', { reference: `WB-PLAIN-${Date.now()}`, dropoffLocation: { lat: 52.1234567, lng: 4.7654321 } });
    const cod = await orderTo('east', { reference: `WB-COD-${Date.now()}`, account: 'Zeta Traders', paymentMode: 'cod', codAmount: 42.5, lines: [{ sku: 'A', qty: 1, price: 20 }, { sku: 'B', qty: 2, price: 11.25 }] });
    const id = (await call('POST', '/waybills', { origin: site, destination: 'east', carrierType: 'internal' })).body.id;
    await call('POST', `/waybills/${id}/orders`, { orderIds: [plain, cod] });

    const open = await h.request(`/waybills/${id}/manifest.pdf`, { role: 'dispatcher' });
    expect(open.status).toBe(409);
    expect(((await open.json()) as { error: { message: string } }).error.message).toMatch(/seal it first/);

    const sealed = (await call('POST', `/waybills/${id}/seal`)).body;
    const res = await h.request(`/waybills/${id}/manifest.pdf`, { role: 'finance' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const { pages, sizes } = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(sizes[0]).toEqual([595, 842]);
    const text = pages.join(' ');
    const [plainRef, codRef] = await Promise.all([plain, cod].map(async (o) => (await h.getOrder(o)).reference!));
    for (const expected of [`Waybill: ${id}`, `Origin: ${site}`, 'Destination: east', 'Carrier: internal', `by ${sealed.sealedBy}`, sealed.sealedAt!.slice(0, 10), plainRef, codRef, 'ACME', 'Zeta Traders', '52.12346, 4.76543', 'not geocoded', '42.50', 'Orders: 2'])
      expect(text).toContain(expected);
    // Lines per order: one for the plain order, two for the COD one, in the order they went on.
    expect(text).toMatch(new RegExp(`${plainRef} ACME 52\\.12346, 4\\.76543 1 —`));
    expect(text).toMatch(new RegExp(`${codRef} Zeta Traders not geocoded 2 42\\.50`));
    expect((await h.request('/waybills/nope/manifest.pdf', { role: 'dispatcher' })).status).toBe(404);
  });

  it('answers 404 for a waybill that is not there, and 400 for a lane without a carrier', async () => {
    expect((await call('GET', '/waybills/nope')).status).toBe(404);
    const bad = await call('POST', '/waybills', { origin: site, destination: 'north' });
    expect(bad.status).toBe(400);
  });
});
