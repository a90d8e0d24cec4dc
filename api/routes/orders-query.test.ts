import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LastMileStatus } from '../../domain/last-mile.ts';
import type { Escalation, Hold, OrderState } from '../../domain/lifecycle.ts';
import type { OrderKind, OrderListItem, StatedPriority } from '../../domain/order.ts';
import { ORDER_SORTS, type OrderSort } from '../../domain/order-list-query.ts';
import { ORDER_VIEWS } from '../../domain/order-views.ts';
import { createOrderSkus } from '../../store/order-search.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';

type Page = { orders: OrderListItem[]; total: number; totalExact: boolean; next: string | null; prev: string | null };

interface Seed {
  id: string;
  reference?: string | null;
  account?: string;
  kind?: OrderKind;
  state?: OrderState;
  area?: string;
  zone?: string;
  warehouse?: string;
  dueInHours?: number;
  priority?: StatedPriority;
  score?: number | null;
  holds?: Hold['type'][];
  escalatedTo?: Escalation['role'];
  lastMile?: LastMileStatus;
  sku?: string;
  hoursAgo?: number;
}

/** The orders table's search, filters, sorts and cursor, read from the store the desk reads. */
describe('GET /orders: search, filters, sorts, cursor', () => {
  let h: Harness;
  const HOUR = 3_600_000;
  const start = Date.now();
  const other = `other-${crypto.randomUUID().slice(0, 8)}`;
  // Written to the read model directly: the list reads only the store.
  const store = async (orders: Seed[]) => {
    const em = h.store.em.fork();
    for (const o of orders) {
      const createdAt = new Date(start - (o.hoursAgo ?? 1) * HOUR);
      em.create(OrderRecord, {
        id: o.id,
        reference: o.reference === undefined ? `REF-${o.id}` : o.reference,
        account: o.account ?? 'Acme',
        kind: o.kind ?? 'pick',
        statedPriority: o.priority ?? 'normal',
        dueAt: new Date(start + (o.dueInHours ?? 24) * HOUR),
        workAreaId: o.area ?? h.workAreaId,
        lines: [{ sku: o.sku ?? 'A-1', qty: 1, price: 10 }],
        zone: o.zone ?? null,
        warehouse: o.warehouse ?? null,
        state: o.state ?? 'queued',
        priorityScore: o.score === undefined ? 10 : o.score,
        holds: o.holds ? o.holds.map((type) => ({ type, reason: 'why', placedBy: 'rules' })) : null,
        escalation: o.escalatedTo ? { role: o.escalatedTo, reason: 'late', from: 'queued' } : null,
        lastMileStatus: o.lastMile ?? null,
        createdAt,
        updatedAt: new Date(createdAt.getTime() + (o.dueInHours ?? 24) * 1000),
      });
      createOrderSkus(em, o.id, [{ sku: o.sku ?? 'A-1' }]);
    }
    await em.flush();
  };
  const list = async (query: string): Promise<Page> => {
    const res = await h.request(`/orders?${query}`);
    expect(res.status, `${query}: ${await res.clone().text()}`).toBe(200);
    return (await res.json()) as Page;
  };
  const ids = async (query: string) => (await list(query)).orders.map((o) => o.id);

  beforeAll(async () => {
    h = await createHarness();
    await store([
      { id: 'f-ondemand', kind: 'on_demand', zone: 'north', warehouse: 'wh-1', dueInHours: 2, priority: 'urgent', score: 90, lastMile: 'Assigned', state: 'assigned', hoursAgo: 9 },
      { id: 'f-pickup', kind: 'pickup', zone: 'south', warehouse: 'wh-2', dueInHours: 5, priority: 'high', score: 50, lastMile: 'In Transit', state: 'in_transit', hoursAgo: 8 },
      { id: 'f-held', reference: 'HOLD-7', holds: ['credit', 'manual'], state: 'on_hold', score: null, dueInHours: 30, hoursAgo: 7 },
      { id: 'f-stock', reference: 'HOLD-8', holds: ['inventory'], state: 'on_hold', score: null, dueInHours: 40, hoursAgo: 6 },
      { id: 'f-finance', escalatedTo: 'finance', state: 'escalated', account: 'Globex', lastMile: 'Pending', dueInHours: 50, hoursAgo: 5 },
      { id: 'f-specialist', escalatedTo: 'specialist', state: 'escalated', account: 'globex east', dueInHours: 60, hoursAgo: 4 },
      { id: 'f-production', kind: 'production', area: other, sku: 'BOLT-9', reference: null, dueInHours: 70, priority: 'low', score: 1, hoursAgo: 3 },
    ]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each<[string, string, string[]]>([
    ['an id, exactly', 'q=f-pickup', ['f-pickup']],
    ['a reference by its beginning, in any case', 'q=hold-', ['f-stock', 'f-held']],
    ['an account by its beginning', 'q=GLOBEX', ['f-specialist', 'f-finance']],
    ['not a reference by its middle', 'q=OLD-7', []],
    ["a line's SKU, exactly", 'q=BOLT-9', ['f-production']],
    ['a zone, exactly', 'q=north', ['f-ondemand']],
    ['states', 'state=on_hold,escalated', ['f-specialist', 'f-finance', 'f-stock', 'f-held']],
    ['kinds', 'kind=pickup,on_demand', ['f-pickup', 'f-ondemand']],
    ['a work area', `area=${other}`, ['f-production']],
    ['a zone', 'zone=south', ['f-pickup']],
    ['a warehouse', 'warehouse=wh-1', ['f-ondemand']],
    ['a due window', `dueFrom=${new Date(start + 3 * HOUR).toISOString()}&dueTo=${new Date(start + 41 * HOUR).toISOString()}`, ['f-stock', 'f-held', 'f-pickup']],
    ['stated priorities', 'priority=urgent,low', ['f-production', 'f-ondemand']],
    ['any hold', 'hold=any', ['f-stock', 'f-held']],
    ['a hold type', 'hold=manual', ['f-held']],
    ['no hold', 'hold=none&state=on_hold,escalated', ['f-specialist', 'f-finance']],
    ['escalated to a role', 'escalatedTo=finance', ['f-finance']],
    ['last-mile statuses', 'lastMile=In%20Transit,Delivered', ['f-pickup']],
    ['filters together', 'kind=pick&hold=any&q=hold-7', ['f-held']],
  ])('finds orders by %s', async (_, query, expected) => {
    const page = await list(query);
    expect(page.orders.map((o) => o.id)).toEqual(expected);
    expect(page).toMatchObject({ total: expected.length, totalExact: true, next: null, prev: null });
  });

  const ALL = ['f-ondemand', 'f-pickup', 'f-held', 'f-stock', 'f-finance', 'f-specialist', 'f-production'];
  it.each<[OrderSort, string[]]>([
    ['reference', ['f-held', 'f-stock', 'f-finance', 'f-ondemand', 'f-pickup', 'f-specialist', 'f-production']],
    ['account', ['f-held', 'f-ondemand', 'f-pickup', 'f-production', 'f-stock', 'f-finance', 'f-specialist']],
    ['kind', ['f-ondemand', 'f-finance', 'f-held', 'f-specialist', 'f-stock', 'f-pickup', 'f-production']],
    // By meaning: low, normal, high, urgent (not by name, where high comes first).
    ['statedPriority', ['f-production', 'f-finance', 'f-held', 'f-specialist', 'f-stock', 'f-pickup', 'f-ondemand']],
    ['state', ['f-ondemand', 'f-finance', 'f-specialist', 'f-pickup', 'f-held', 'f-stock', 'f-production']],
    // In the order of the lifecycle (Pending first, not by name), orders without a status after them all.
    ['lastMile', ['f-finance', 'f-ondemand', 'f-pickup', 'f-held', 'f-production', 'f-specialist', 'f-stock']],
    ['due', ALL],
    ['priority', ['f-production', 'f-finance', 'f-specialist', 'f-pickup', 'f-ondemand', 'f-held', 'f-stock']],
    // The other area's id begins with o, the harness's with t.
    ['area', ['f-production', 'f-finance', 'f-held', 'f-ondemand', 'f-pickup', 'f-specialist', 'f-stock']],
    ['created', ALL],
    ['updated', ['f-ondemand', 'f-pickup', 'f-held', 'f-stock', 'f-finance', 'f-specialist', 'f-production']],
  ])('sorts on %s, both ways, ties by id, and pages it by cursor, forward and back', async (sort, ascending) => {
    expect(await ids(`sort=${sort}&dir=asc`)).toEqual(ascending);
    expect(await ids(`sort=${sort}&dir=desc`)).toEqual([...ascending].reverse());
    for (const dir of ['asc', 'desc']) {
      const pages: string[][] = [];
      let page: Page | null = null;
      do {
        page = await list(`sort=${sort}&dir=${dir}&limit=2${page?.next ? `&cursor=${page.next}` : ''}`);
        pages.push(page.orders.map((o) => o.id));
      } while (page.next);
      expect(pages.flat()).toEqual(dir === 'asc' ? ascending : [...ascending].reverse());
      const back: string[][] = [];
      while (page.prev) {
        page = await list(`sort=${sort}&dir=${dir}&limit=2&cursor=${page.prev}`);
        back.unshift(page.orders.map((o) => o.id));
      }
      expect(back).toEqual(pages.slice(0, -1));
    }
  });
});

describe('GET /orders: keyset pages while orders arrive', () => {
  let h: Harness;
  const start = Date.now();
  const seed = async (prefix: string, n: number, dueAt: Date) => {
    const em = h.store.em.fork();
    for (let i = 0; i < n; i++) {
      em.create(OrderRecord, { id: `${prefix}-${String(i).padStart(3, '0')}`, account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt, workAreaId: h.workAreaId, lines: [], state: 'queued' });
    }
    await em.flush();
  };

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('skips and repeats no order across pages with ties on the sort key, however many arrive between pages', async () => {
    // Three due times, 40 orders each: every page boundary falls inside a tie.
    for (const [n, hours] of [[1, 10], [2, 20], [3, 30]] as const) await seed(`tie${n}`, 40, new Date(start + hours * 3_600_000));
    const before = new Set((await (await h.request('/orders?limit=500')).json() as Page).orders.map((o) => o.id));
    const seen: string[] = [];
    let next: string | null = null;
    let round = 0;
    do {
      const res = await h.request(`/orders?sort=due&dir=asc&limit=7${next ? `&cursor=${next}` : ''}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as Page;
      seen.push(...page.orders.map((o) => o.id));
      next = page.next;
      // New orders due at a tied time, their ids before and after any cursor's.
      await seed(`new${round}`, 2, new Date(start + 20 * 3_600_000));
      await seed(`zed${round++}`, 2, new Date(start + 20 * 3_600_000));
    } while (next);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) expect(seen).toContain(id);
  });
});

describe('GET /orders: bad parameters', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each<[string, RegExp]>([
    ['state=lost', /state/],
    ['state=queued,', /state/],
    ['kind=boat', /kind/],
    ['priority=urgent,asap', /priority/],
    ['hold=pending', /hold/],
    ['escalatedTo=nobody', /escalatedTo/],
    ['lastMile=Gone', /lastMile/],
    ['sort=colour', /sort/],
    ['dir=sideways', /dir/],
    ['dueFrom=tomorrow', /dueFrom/],
    ['dueFrom=2030-01-02T00:00:00Z&dueTo=2030-01-01T00:00:00Z', /due window/],
    [`area=${'a'.repeat(101)}`, /area/],
    ['zone=a%2Cb', /zone/],
    ['cursor=not%20a%20cursor', /cursor/],
    ['cursor=bm90LWpzb24', /cursor/],
    [`cursor=${Buffer.from(JSON.stringify({ s: 'due', d: 'asc', k: 'soon', i: 'x' })).toString('base64url')}&sort=due&dir=asc`, /cursor/],
    [`cursor=${Buffer.from(JSON.stringify({ s: 'due', d: 'asc', k: new Date().toISOString(), i: 'x' })).toString('base64url')}`, /cursor.*sort/],
    [`cursor=${'A'.repeat(1_201)}`, /cursor/],
    [`cursor=${Buffer.from(JSON.stringify({ s: 'created', d: 'desc', k: '-100000-01-01T00:00:00Z', i: 'x' })).toString('base64url')}`, /cursor/],
    [`cursor=${Buffer.from(JSON.stringify({ s: 'created', d: 'desc', k: new Date().toISOString(), i: 'x' })).toString('base64url')}&offset=5`, /offset/],
  ])('refuses %s with a reason', async (query, message) => {
    const res = await h.request(`/orders?${query}`);
    expect(res.status, query).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message, query).toMatch(message);
  });

  it('lists the ready-made views, a queue per order kind', async () => {
    const res = await h.request('/orders/views');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { views: unknown }).views).toEqual(ORDER_VIEWS);
    expect(ORDER_VIEWS.map((v) => v.filters.kind.join())).toEqual(['on_demand', 'pickup', 'delivery', 'pickup_delivery', 'production', 'pick']);
    expect(ORDER_SORTS).toHaveLength(11);
  });
});

describe('GET /orders: an order taken through POST /orders or split is found by its SKUs', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('finds the order once by each SKU of its lines', async () => {
    const body = { reference: 'SKU-SEARCH', account: 'Initech', dueAt: new Date(Date.now() + 5 * 3_600_000).toISOString(), workAreaId: h.workAreaId, lines: [{ sku: 'NUT-3', qty: 1, price: 1 }, { sku: 'NUT-3', qty: 2, price: 1 }, { sku: 'WASHER-1', qty: 1, price: 1 }] };
    const res = await h.request('/orders', { method: 'POST', body: JSON.stringify(body) });
    expect([201, 202]).toContain(res.status);
    const { id } = (await res.json()) as { id: string };
    for (const q of ['NUT-3', 'WASHER-1', 'sku-search', 'initech']) {
      const found = (await (await h.request(`/orders?q=${q}`)).json()) as Page;
      expect(found.orders.map((o) => o.id), q).toEqual([id]);
    }
  });
});
