import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Escalation, OrderState } from '../../domain/lifecycle.ts';
import type { OrderListItem } from '../../domain/order.ts';
import type { Desk } from '../../domain/order-desks.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';

type Page = { orders: OrderListItem[]; total: number };

/** The order list and its desks: filtered and paged by the server, so nothing older than a page vanishes from a desk. */
describe('GET /orders', () => {
  let h: Harness;
  const HOUR = 3_600_000;
  const start = Date.now();
  // Orders are written to the read model directly: the list reads only the store, and 600 workflows would add nothing.
  const store = async (orders: { id: string; state: OrderState; escalatedTo?: Escalation['role']; hoursAgo: number }[]) => {
    const em = h.store.em.fork();
    for (const o of orders) {
      const createdAt = new Date(start - o.hoursAgo * HOUR);
      em.create(OrderRecord, {
        id: o.id,
        reference: o.id,
        account: 'ACME',
        kind: 'pick',
        statedPriority: 'normal',
        dueAt: new Date(start + 24 * HOUR),
        workAreaId: h.workAreaId,
        lines: [{ sku: 'A', qty: 1, price: 10 }],
        state: o.state,
        escalation: o.escalatedTo ? { role: o.escalatedTo, reason: 'late', from: 'queued' } : null,
        createdAt,
        updatedAt: createdAt,
      });
    }
    await em.flush();
  };
  const list = async (query: string): Promise<Page> => {
    const res = await h.request(`/orders?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Page;
  };

  beforeAll(async () => {
    h = await createHarness();
    await store([
      { id: 'old-escalated', state: 'escalated', escalatedTo: 'dispatcher', hoursAgo: 900 },
      { id: 'old-held', state: 'on_hold', hoursAgo: 800 },
      { id: 'old-review', state: 'specialist_review', hoursAgo: 700 },
      { id: 'old-to-specialist', state: 'escalated', escalatedTo: 'specialist', hoursAgo: 600 },
      { id: 'old-remit', state: 'awaiting_remit', hoursAgo: 500 },
      { id: 'old-to-finance', state: 'escalated', escalatedTo: 'finance', hoursAgo: 400 },
      { id: 'old-delivered', state: 'delivered', hoursAgo: 300 },
      ...Array.from({ length: 600 }, (_, i) => ({ id: `new-${String(i).padStart(3, '0')}`, state: 'queued' as const, hoursAgo: 1 + i / 1000 })),
    ]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each<[Desk, string[]]>([
    ['exceptions', ['old-to-finance', 'old-to-specialist', 'old-held', 'old-escalated']],
    ['specialist', ['old-to-specialist', 'old-review']],
    ['remit', ['old-to-finance', 'old-remit']],
  ])('the %s desk finds its orders however many newer ones there are', async (desk, ids) => {
    const page = await list(`desk=${desk}`);
    expect(page.orders.map((o) => o.id)).toEqual(ids);
    expect(page.total).toBe(ids.length);
  });

  it('pages through every order, newest first, without their lines', async () => {
    const first = await list('limit=500');
    expect(first.total).toBe(607);
    expect(first.orders).toHaveLength(500);
    expect(first.orders[0]).toMatchObject({ id: 'new-000', state: 'queued' });
    expect(first.orders[0]).not.toHaveProperty('lines');
    const last = await list('offset=600&limit=500');
    expect(last.orders.map((o) => o.id)).toEqual(['old-delivered', 'old-to-finance', 'old-remit', 'old-to-specialist', 'old-review', 'old-held', 'old-escalated']);
    expect((await list('desk=exceptions&offset=3&limit=1')).orders.map((o) => o.id)).toEqual(['old-escalated']);
    expect((await list('desk=exceptions&q=old-he')).orders.map((o) => o.id)).toEqual(['old-held']);
  });

  it('refuses an unknown desk or a page out of bounds with a reason', async () => {
    for (const query of ['desk=everything', 'offset=-1', 'limit=501', 'offset=lots']) {
      const res = await h.request(`/orders?${query}`);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message, query).toMatch(/desk|offset|limit/);
    }
  });
});
