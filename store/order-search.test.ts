import { describe, expect, it } from 'vitest';
import { hoursFromNow } from '../test/clock.ts';
import { useTempStore } from '../test/temp-store.ts';
import { listOrders } from './order-list.ts';
import { createOrderSkus, searchKeyOf } from './order-search.ts';
import { OrderRecord } from './order.entity.ts';

describe('finding orders by the beginning of a reference or account, or by a SKU', () => {
  const store = useTempStore();
  const REFERENCES = ['Ab-1', 'AB-2', 'ab', 'a-b', 'a_c', 'a%d', 'Ärger', 'ärmel', 'zz\u{10FFFE}', null];

  it.each<[string, string, string[]]>([
    ['ASCII letters in either case', 'ab', ['Ab-1', 'AB-2', 'ab']],
    ['a prefix ending in punctuation', 'AB-', ['Ab-1', 'AB-2']],
    ['an underscore and a percent sign as themselves, not as wildcards', 'a_', ['a_c']],
    ['a percent sign', 'a%', ['a%d']],
    ['other letters only in the case typed (the fold is ASCII, as SQLite’s lower() is)', 'Är', ['Ärger']],
    ['a key near the top of Unicode', 'zz', ['zz\u{10FFFE}']],
    ['nothing by a middle', 'b-', []],
  ])('finds %s', async (_, q, expected) => {
    const em = store().em.fork();
    if ((await em.count(OrderRecord)) === 0) {
      REFERENCES.forEach((reference, i) => {
        const id = `o-${i}`;
        em.create(OrderRecord, {
          id, reference, account: `Account ${i}`, kind: 'pick', statedPriority: 'normal', dueAt: new Date(hoursFromNow(3)), workAreaId: 'pick-a',
          lines: [{ sku: 'A', qty: 1, price: 1 }], paymentMode: 'prepaid', state: 'queued', parentId: null, priorityScore: null,
        });
        createOrderSkus(em, id, [{ sku: 'A' }]);
      });
      await em.flush();
    }
    const { orders } = await listOrders(store().em.fork(), { q, sort: 'reference', dir: 'asc' });
    expect(orders.map((o) => o.reference).sort()).toEqual([...expected].sort());
  });

  it('finds an account by its beginning and an order once by a SKU its lines repeat', async () => {
    const em = store().em.fork();
    em.create(OrderRecord, {
      id: 'sku-order', reference: 'R-SKU', account: 'Globex Europe', kind: 'pick', statedPriority: 'normal', dueAt: new Date(hoursFromNow(3)), workAreaId: 'pick-a',
      lines: [{ sku: 'NUT-3', qty: 1, price: 1 }, { sku: 'NUT-3', qty: 2, price: 1 }, { sku: 'WASHER-1', qty: 1, price: 1 }], paymentMode: 'prepaid', state: 'queued', parentId: null, priorityScore: null,
    });
    createOrderSkus(em, 'sku-order', [{ sku: 'NUT-3' }, { sku: 'NUT-3' }, { sku: 'WASHER-1' }]);
    await em.flush();
    const ids = async (q: string) => (await listOrders(store().em.fork(), { q })).orders.map((o) => o.id);
    expect(await ids('NUT-3')).toEqual(['sku-order']);
    expect(await ids('WASHER-1')).toEqual(['sku-order']);
    expect(await ids('nut-3')).toEqual([]);
    expect(await ids('globex e')).toEqual(['sku-order']);
  });

  it.each([
    ['REF-12', 'ref-12'],
    ['Ärger', 'Ärger'],
    ['MiXeD Case 9', 'mixed case 9'],
  ])('keys %s as %s', (text, key) => {
    expect(searchKeyOf(text)).toBe(key);
  });
});
