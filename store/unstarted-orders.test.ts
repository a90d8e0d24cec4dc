import { describe, expect, it } from 'vitest';
import { useTempStore } from '../test/temp-store.ts';
import type { OrderState } from '../domain/order.ts';
import { hoursFromNow } from '../test/clock.ts';
import { OrderRecord } from './order.entity.ts';
import { confirmWorkflow, findUnstartedOrders } from './unstarted-orders.ts';

describe('orders intake may have left without a workflow', () => {
  const store = useTempStore();

  const order = (id: string, state: OrderState, parentId: string | null = null) => ({
    id, reference: null, account: 'ACME', kind: 'pick' as const, statedPriority: 'normal' as const, dueAt: new Date(hoursFromNow(24)), workAreaId: 'pick-a',
    lines: [{ sku: 'A', qty: 1, price: 1 }], paymentMode: 'prepaid' as const, state, parentId, priorityScore: null,
  });

  it('are the captured ones taken before the cut-off, not a split\'s children, until a sweep confirms them', async () => {
    const em = store().em.fork();
    for (const o of [order('a-captured', 'captured'), order('b-queued', 'queued'), order('c-closed', 'closed'), order('b-queued-1', 'captured', 'b-queued'), order('d-captured', 'captured')]) em.create(OrderRecord, o);
    await em.flush();
    const later = new Date(Date.now() + 1_000);

    expect((await findUnstartedOrders(store().em.fork(), later, 10)).map((o) => o.id)).toEqual(['a-captured', 'd-captured']);
    expect(await findUnstartedOrders(store().em.fork(), new Date(Date.now() - 60_000), 10)).toEqual([]);
    expect((await findUnstartedOrders(store().em.fork(), later, 1)).map((o) => o.id)).toEqual(['a-captured']);

    await confirmWorkflow(store().em.fork(), 'a-captured', new Date());
    const [d] = await findUnstartedOrders(store().em.fork(), later, 10);
    expect(d).toMatchObject({ id: 'd-captured', workAreaId: 'pick-a', kind: 'pick', paymentMode: 'prepaid' });
    expect(d!.dueAt).toBeInstanceOf(Date);
  });
});
