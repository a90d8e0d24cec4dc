import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail, OrderSummary } from '../../domain/order.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { hoursFromNow } from '../../test/clock.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';

/** Pickup and drop-off locations through POST /orders, stored in full precision and read back; odd ones refused by field. */
describe('intake of an order with its pickup and drop-off locations', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const order = (reference: string, extra: Record<string, unknown>) => ({ reference, account: 'ACME', kind: 'pickup_delivery', dueAt: hoursFromNow(6), workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 1, price: 10 }], ...extra });
  const post = (body: unknown) => h.request('/orders', { method: 'POST', body: JSON.stringify(body) });

  it('keeps both to the last digit a GPS gives, on the order and its detail', async () => {
    const pickupLocation = { lat: 52.3675734, lng: 4.9041389 };
    const dropoffLocation = { lat: -33.8688197, lng: 151.2092955 };
    const res = await post(order('LOC-1', { pickupLocation, dropoffLocation }));
    expect(res.status, await res.clone().text()).toBe(201);
    const created = (await res.json()) as OrderSummary;
    expect(created).toMatchObject({ pickupLocation, dropoffLocation });
    const detail = (await (await h.request(`/orders/${created.id}`)).json()) as OrderDetail;
    expect(detail).toMatchObject({ pickupLocation, dropoffLocation });
    expect(await h.store.em.fork().findOne(OrderRecord, { id: created.id })).toMatchObject({ pickupLat: 52.3675734, dropoffLng: 151.2092955 });
  });

  it('an order without them has null for both', async () => {
    const res = await post(order('LOC-NONE', {}));
    expect((await res.json()) as OrderSummary).toMatchObject({ pickupLocation: null, dropoffLocation: null });
  });

  it.each([
    { what: 'a latitude past the pole', extra: { dropoffLocation: { lat: 95, lng: 0 } }, path: 'dropoffLocation.lat', message: /between -90 and 90/ },
    { what: 'an address instead of a point', extra: { pickupLocation: '1 Main St' }, path: 'pickupLocation', message: /object/ },
    { what: 'a point with a third field', extra: { pickupLocation: { lat: 1, lng: 1, alt: 3 } }, path: 'pickupLocation', message: /alt/ },
  ])('refuses $what with a 400 naming the field', async ({ extra, path, message }) => {
    const res = await post(order('LOC-BAD', extra));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { issues: { path: string; message: string }[] } };
    expect(error.issues.find((i) => i.path === path)?.message, JSON.stringify(error.issues)).toMatch(message);
  });
});
