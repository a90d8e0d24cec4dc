import { describe, expect, it } from 'vitest';
import type { OrderState } from '../domain/order.ts';
import { hoursFromNow } from '../test/clock.ts';
import { useTempStore } from '../test/temp-store.ts';
import { DecisionRecord } from './decision.entity.ts';
import { OrderRecord } from './order.entity.ts';
import { readRunningDeadlinesPage } from './running-deadlines-page.ts';

describe('a page of orders whose escalation deadline runs, for an escalation publication to tell', () => {
  const store = useTempStore();

  const order = (id: string, state: OrderState) => ({
    id, reference: null, account: 'ACME', kind: 'pick' as const, statedPriority: 'normal' as const, dueAt: new Date(hoursFromNow(3)), workAreaId: 'pick-a',
    lines: [{ sku: 'A', qty: 2, price: 5 }], paymentMode: 'prepaid' as const, state, parentId: null,
  });
  let n = 0;
  const decision = (orderId: string, state: string, chosen: 'deadline' | 'none', minutesAgo: number) => ({
    id: `${orderId}-${++n}`, orderId, decisionPoint: 'escalation', rulesetId: 'escalation', rulesetName: 'Escalation', rulesetVersion: 1, facts: { state },
    outcome: { chosen: { type: chosen, params: chosen === 'deadline' ? { minutes: 60, role: 'dispatcher' } : {} }, events: [] }, rules: [], decidedAt: new Date(Date.now() - minutesAgo * 60_000),
  });

  it.each([
    { name: 'a deadline decided for the state it is in', state: 'queued', decisions: [['queued', 'deadline', 5]], listed: true },
    { name: 'a later deadline for its state after one for an earlier state', state: 'assigned', decisions: [['queued', 'deadline', 10], ['assigned', 'deadline', 5]], listed: true },
    { name: 'its latest decision is for a state it left', state: 'in_progress', decisions: [['assigned', 'deadline', 5]], listed: false },
    { name: 'the rules gave its state no deadline', state: 'queued', decisions: [['queued', 'deadline', 10], ['queued', 'none', 5]], listed: false },
    { name: 'no escalation decision at all', state: 'queued', decisions: [], listed: false },
    { name: 'escalated: it keeps its escalation', state: 'escalated', decisions: [['queued', 'deadline', 10], ['escalated', 'deadline', 5]], listed: false },
    { name: 'finished', state: 'closed', decisions: [['awaiting_remit', 'deadline', 5]], listed: false },
  ] as const)('$name: listed $listed', async ({ state, decisions, listed }) => {
    const em = store().em.fork();
    const id = `order-${++n}`;
    em.create(OrderRecord, order(id, state));
    for (const [s, chosen, ago] of decisions) em.create(DecisionRecord, decision(id, s, chosen, ago));
    await em.flush();
    const { ids } = await readRunningDeadlinesPage(store().em.fork(), '', 1000);
    expect(ids.includes(id)).toBe(listed);
  });

  it('pages through the active orders by id, listing only those whose deadline runs', async () => {
    const em = store().em.fork();
    for (const id of ['p-1', 'p-2', 'p-3']) em.create(OrderRecord, order(id, 'queued'));
    em.create(DecisionRecord, decision('p-1', 'queued', 'deadline', 5));
    em.create(DecisionRecord, decision('p-3', 'queued', 'deadline', 5));
    await em.flush();
    const first = await readRunningDeadlinesPage(store().em.fork(), 'p-', 2);
    expect(first).toEqual({ ids: ['p-1'], next: 'p-2' });
    expect(await readRunningDeadlinesPage(store().em.fork(), first.next!, 2)).toEqual({ ids: ['p-3'], next: null });
  });
});
