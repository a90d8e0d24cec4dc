import { describe, expect, it } from 'vitest';
import type { OrderState } from '../../domain/lifecycle.ts';
import { useTempStore } from '../../test/temp-store.ts';
import { OrderRecord } from '../order.entity.ts';
import { projectTransition, type OrderTransition } from '../order-transition.ts';
import { WorkAreaRecord } from '../work-area.entity.ts';
import { WebhookEventRecord } from './webhook-event.entity.ts';
import { markWebhookEventsRelayed, unrelayedWebhookEvents } from './webhook-events.ts';

const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);

/** An order's webhook event is written in its transition's transaction: committed with it, rolled back with it, once per transition. */
describe('webhook events of order transitions', () => {
  const store = useTempStore();
  const transition = (key: string, orderId: string, from: OrderState, to: OrderState): OrderTransition => ({
    key, orderId, from, to, event: 'TEST', actor: 'test', reason: null, priorityScore: null, escalation: null, holds: [], assignee: null, data: null,
  });
  const allEvents = async () => (await store().em.fork().findAll(WebhookEventRecord)).filter((e) => (e.message.data as { orderId?: string }).orderId !== undefined);
  const addOrder = async (id: string, state: OrderState) => {
    const em = store().em.fork();
    if (!(await em.findOne(WorkAreaRecord, { id: 'zone-a' }))) em.create(WorkAreaRecord, { id: 'zone-a', name: 'Zone A', kind: 'pick_zone', wipLimit: 5 });
    em.create(OrderRecord, { id, reference: `REF-${id}`, account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt: NOW, workAreaId: 'zone-a', lines: [], state });
    await em.flush();
  };
  const project = (t: OrderTransition) => store().em.fork().transactional((tx) => projectTransition(tx, t, NOW));

  it.each([
    { from: 'queued', to: 'released', type: 'order.released' },
    { from: 'in_progress', to: 'completed', type: 'order.completed' },
    { from: 'queued', to: 'escalated', type: 'order.escalated' },
    { from: 'queued', to: 'cancelled', type: 'order.cancelled' },
    { from: 'queued', to: 'assigned', type: null },
    { from: 'released', to: 'released', type: null },
  ] as { from: OrderState; to: OrderState; type: string | null }[])('$from → $to: $type', async ({ from, to, type }) => {
    const id = `o-${from}-${to}`;
    await addOrder(id, from);
    expect(await project(transition(`k-${id}`, id, from, to))).toBe('recorded');
    const events = (await allEvents()).filter((e) => (e.message.data as { orderId: string }).orderId === id);
    if (type === null) return expect(events).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0]!.id).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(events[0]!.message).toEqual({
      type,
      timestamp: NOW.toISOString(),
      data: { orderId: id, reference: `REF-${id}`, kind: 'pick', workAreaId: 'zone-a', from, to, event: 'TEST', actor: 'test', reason: null, assignee: null, escalation: null },
    });
  });

  it('a transition recorded again adds no second event; one rolled back adds none', async () => {
    await addOrder('again', 'queued');
    await project(transition('k-again', 'again', 'queued', 'released'));
    expect(await project(transition('k-again', 'again', 'queued', 'released'))).toBe('already');
    await addOrder('rolled-back', 'queued');
    await expect(
      store().em.fork().transactional(async (tx) => {
        await projectTransition(tx, transition('k-rb', 'rolled-back', 'queued', 'released'), NOW);
        throw new Error('the transaction fails after the transition');
      }),
    ).rejects.toThrow('the transaction fails');
    const ids = (await allEvents()).map((e) => (e.message.data as { orderId: string }).orderId);
    expect(ids.filter((id) => id === 'again')).toHaveLength(1);
    expect(ids).not.toContain('rolled-back');
  });

  it('events wait for the relay oldest first, until marked relayed', async () => {
    const pending = await unrelayedWebhookEvents(store().em.fork(), 1_000);
    expect(pending.length).toBeGreaterThan(0);
    await markWebhookEventsRelayed(store().em.fork(), pending.map((p) => p.id));
    expect(await unrelayedWebhookEvents(store().em.fork(), 1_000)).toEqual([]);
  });
});
