import { describe, expect, it } from 'vitest';
import { useTempStore } from '../test/temp-store.ts';
import type { OrderState } from '../domain/order.ts';
import { hoursFromNow } from '../test/clock.ts';
import { DecisionRecord } from './decision.entity.ts';
import { OrderRecord } from './order.entity.ts';
import { readQueuedPage } from './queued-orders-page.ts';

describe('a page of queued orders, for a priority publication to tell', () => {
  const store = useTempStore();

  const order = (id: string, state: OrderState, priorityScore: number | null) => ({
    id, reference: null, account: 'ACME', kind: 'pick' as const, statedPriority: 'normal' as const, dueAt: new Date(hoursFromNow(3)), workAreaId: 'pick-a',
    lines: [{ sku: 'A', qty: 2, price: 5 }], paymentMode: 'prepaid' as const, state, parentId: null, priorityScore,
  });
  const decision = (id: string, orderId: string, version: number, score: number, minutesAgo: number) => ({
    id, orderId, decisionPoint: 'priority', rulesetId: 'priority', rulesetName: 'Priority', rulesetVersion: version, facts: {},
    outcome: { score, chosen: null, events: [] }, rules: [], decidedAt: new Date(Date.now() - minutesAgo * 60_000),
  });

  it('carries the score of each order’s latest priority decision, not the score a cycle showed since', async () => {
    const em = store().em.fork();
    // A cycle under new rules already shows 90 for "a"; its last decision still says 30, so it must be told.
    em.create(OrderRecord, order('a', 'queued', 90));
    em.create(OrderRecord, order('b', 'queued', 0));
    em.create(OrderRecord, order('c', 'assigned', 30));
    em.create(DecisionRecord, decision('a-1', 'a', 1, 20, 10));
    em.create(DecisionRecord, decision('a-2', 'a', 1, 30, 5));
    await em.flush();

    const page = await readQueuedPage(store().em.fork(), '', 10);
    expect(page.map((o) => [o.id, o.decidedScore])).toEqual([
      ['a', 30],
      ['b', null],
    ]);
    expect((await readQueuedPage(store().em.fork(), 'a', 10)).map((o) => o.id)).toEqual(['b']);
  });
});
