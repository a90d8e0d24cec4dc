import { describe, expect, it } from 'vitest';
import type { OrderSnapshot } from '../domain/order-snapshot.ts';
import type { OrderState } from '../domain/lifecycle.ts';
import { hoursFromNow } from '../test/clock.ts';
import { useTempStore } from '../test/temp-store.ts';
import { AuditEntryRecord } from './audit-entry.entity.ts';
import { inTransaction } from './in-transaction.ts';
import { projectTransition } from './order-transition.ts';
import { OrderRecord } from './order.entity.ts';
import { openOrdersAfter, reconcileOrder } from './reconcile-order.ts';
import { WorkAreaRecord } from './work-area.entity.ts';

/** Bringing a restored store's order forward to its workflow's snapshot, against a real database. */
describe('reconciling an order with its workflow', () => {
  const store = useTempStore();
  const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);

  const addOrder = async (id: string, state: OrderState) => {
    const em = store().em.fork();
    if (!(await em.count(WorkAreaRecord, { id: 'zone-a' }))) {
      em.create(WorkAreaRecord, { id: 'zone-a', name: 'Zone A', kind: 'pick_zone', wipLimit: 5 });
      em.create(WorkAreaRecord, { id: 'zone-b', name: 'Zone B', kind: 'pick_zone', wipLimit: 5 });
    }
    em.create(OrderRecord, { id, account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt: hoursFromNow(4), workAreaId: 'zone-a', lines: [], state, inPool: state === 'queued' });
    await em.flush();
  };
  const read = async (id: string) => (await openOrdersAfter(store().em.fork(), null, 1_000)).find((o) => o.id === id)!;
  const assigned: OrderSnapshot = { state: 'assigned', workAreaId: 'zone-b', priorityScore: 7, escalation: null, holds: [], assignee: 'team-b', poolEnteredAt: null };
  const reconcile = (order: Awaited<ReturnType<typeof read>>, key: string) => inTransaction(store().em, (tx) => reconcileOrder(tx, order, assigned, key, 'restored', NOW));

  it('brings a row that is behind to the snapshot, with one audit entry, once', async () => {
    await addOrder('behind', 'queued');
    const order = await read('behind');
    expect(order.matches(assigned)).toBe(false);
    expect(await reconcile(order, 'restored:r1:behind')).toBe(true);
    expect(await store().em.fork().findOneOrFail(OrderRecord, { id: 'behind' })).toMatchObject({ state: 'assigned', workAreaId: 'zone-b', assignee: 'team-b', priorityScore: 7, inPool: false, holdsSlot: true });
    expect(await store().em.fork().find(AuditEntryRecord, { subjectId: 'behind' })).toMatchObject([{ action: 'RECONCILED', fromState: 'queued', toState: 'assigned', actor: 'system', reason: 'restored' }]);
    expect((await read('behind')).matches(assigned)).toBe(true);
    // A second delivery of the same restore finds it done.
    expect(await reconcile(order, 'restored:r1:behind')).toBe(false);
    expect(await store().em.fork().count(AuditEntryRecord, { subjectId: 'behind' })).toBe(1);
  });

  it('leaves an order its workflow recorded after it was read: that record is newer than the snapshot may be', async () => {
    await addOrder('moving', 'queued');
    const order = await read('moving');
    await inTransaction(store().em, (tx) =>
      projectTransition(tx, { key: 'wf:1', orderId: 'moving', from: 'queued', to: 'released', event: 'RELEASE', actor: 'system', reason: null, priorityScore: 7, escalation: null, holds: [], assignee: null, data: null }, NOW),
    );
    expect(await reconcile(order, 'restored:r1:moving')).toBe(false);
    expect((await store().em.fork().findOneOrFail(OrderRecord, { id: 'moving' })).state).toBe('released');
  });

  it('pages through open orders only', async () => {
    await addOrder('ended', 'closed');
    const ids = (await openOrdersAfter(store().em.fork(), null, 1_000)).map((o) => o.id);
    expect(ids).toEqual(['behind', 'moving']);
    expect((await openOrdersAfter(store().em.fork(), 'behind', 1_000)).map((o) => o.id)).toEqual(['moving']);
  });
});
