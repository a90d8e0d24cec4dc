import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderState } from '../domain/lifecycle.ts';
import { AuditEntryRecord } from '../store/audit-entry.entity.ts';
import { DecisionRecord } from '../store/decision.entity.ts';
import { NotificationRecord } from '../store/notifications/notification.entity.ts';
import { answerCycleCall, claimCycleCall } from '../store/cycle-calls.ts';
import { readOperationProgress } from '../store/operation-progress.ts';
import { createOperations } from '../store/order-operation.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { openStore, type Store } from '../store/open-store.ts';
import { seedDefaults } from '../store/seed.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { testStoreConfig, useTempStore } from '../test/temp-store.ts';
import { recordTransitionActivity, type TransitionRecord } from './record-transition.ts';

// The activity's clock, fixed for the test (whole seconds, as the store keeps them on both databases).
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
const before = (ms: number) => new Date(NOW.getTime() - ms);

/** Recording a transition against a real database; the area's controller is a recorder of the signals it would get. */
describe('recording a transition', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-record-'));
  let store: Store;
  const signalled: { workflowId: string; signal: string }[] = [];
  const temporal = { workflow: { signalWithStart: async (_type: string, o: { workflowId: string; signal: { name: string } }) => void signalled.push({ workflowId: o.workflowId, signal: o.signal.name }) } } as unknown as Client;
  let record: ReturnType<typeof recordTransitionActivity>;
  beforeAll(async () => {
    store = await openStore(testStoreConfig(dir), { migrate: true });
    record = recordTransitionActivity({ store, temporal, taskQueue: 'unused', clock: () => NOW });
    const em = store.em.fork();
    em.create(WorkAreaRecord, { id: 'zone-a', name: 'Zone A', kind: 'pick_zone', wipLimit: 5 });
    for (const [id, state] of [['done', 'in_progress'], ['waiting', 'queued']] as [string, OrderState][]) {
      em.create(OrderRecord, { id, account: 'ACME', kind: 'delivery', statedPriority: 'normal', dueAt: new Date(), workAreaId: 'zone-a', lines: [], state, inPool: state === 'queued', holdsSlot: state !== 'queued' });
    }
    await em.flush();
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const transition = (key: string, orderId: string, from: OrderState, to: OrderState, extra: Partial<TransitionRecord> = {}): TransitionRecord => ({
    key, orderId, from, to, event: 'TEST', actor: 'test', reason: null, priorityScore: 4, escalation: null, holds: [], assignee: 'Ana', data: { n: 1 }, ...extra,
  });
  const order = (id: string) => store.em.fork().findOneOrFail(OrderRecord, { id });

  it('projects the transition onto the order and the audit log once, however often it is retried', async () => {
    const t = transition('k-1', 'done', 'in_progress', 'in_transit');
    await record(t);
    await record(t);
    expect(await order('done')).toMatchObject({ state: 'in_transit', lastMileStatus: 'In Transit', priorityScore: 4, assignee: 'Ana', holdsSlot: true, inPool: false, holds: [], escalation: null });
    expect(await store.em.fork().find(AuditEntryRecord, { dedupeKey: 'k-1' })).toMatchObject([{ subjectId: 'done', action: 'TEST', fromState: 'in_progress', toState: 'in_transit', data: { n: 1 }, at: NOW }]);
  });

  it("moves a routed order's operations with its lifecycle: the first arrives on release, leaves on a return to the pool, and completing the order does the rest", async () => {
    const em = store.em.fork();
    em.create(OrderRecord, { id: 'routed', account: 'ACME', kind: 'production', statedPriority: 'normal', dueAt: new Date(), workAreaId: 'zone-a', lines: [], state: 'queued', inPool: true });
    createOperations(em, 'routed', [
      { workAreaId: 'zone-a', hours: 1 },
      { workAreaId: 'zone-a', hours: 2 },
    ]);
    await em.flush();
    const steps = async () => (await readOperationProgress(store.em.fork(), 'routed')).map((o) => [o.state, o.doneBy]);
    await record(transition('r-1', 'routed', 'queued', 'released', { event: 'RELEASE' }));
    expect(await steps()).toEqual([['arrived', null], ['waiting', null]]);
    await record(transition('r-2', 'routed', 'released', 'assigned', { event: 'ASSIGNED' }));
    await record(transition('r-3', 'routed', 'assigned', 'returned', { event: 'RETURN' }));
    await record(transition('r-4', 'routed', 'returned', 'queued', { event: 'RETURN_DECIDED', poolEnteredAt: NOW.toISOString() }));
    expect(await steps()).toEqual([['waiting', null], ['waiting', null]]);
    await record(transition('r-5', 'routed', 'queued', 'released', { event: 'RELEASE' }));
    await record(transition('r-6', 'routed', 'released', 'completed', { event: 'COMPLETE', actor: 'dispatcher-dan' }));
    expect(await steps()).toEqual([['done', 'dispatcher-dan'], ['done', 'dispatcher-dan']]);
  });

  it('records a transition once when two attempts of it run at once', async () => {
    const em = store.em.fork();
    em.create(OrderRecord, { id: 'twice', account: 'ACME', kind: 'delivery', statedPriority: 'normal', dueAt: new Date(), workAreaId: 'zone-a', lines: [], state: 'in_progress', holdsSlot: true });
    await em.flush();
    const t = transition('k-twice', 'twice', 'in_progress', 'in_transit');
    await Promise.all([record(t), record(t)]);
    expect(await store.em.fork().count(AuditEntryRecord, { dedupeKey: 'k-twice' })).toBe(1);
  });

  it('stamps entering the pool and being released', async () => {
    await record(transition('k-2', 'done', 'in_transit', 'queued', { poolEnteredAt: before(60_000).toISOString() }));
    expect(await order('done')).toMatchObject({ inPool: true, holdsSlot: false, queuedAt: before(60_000), releasedAt: null });
    await record(transition('k-3', 'done', 'queued', 'released'));
    expect(await order('done')).toMatchObject({ inPool: false, holdsSlot: true, releasedAt: NOW, queuedAt: before(60_000) });
  });

  it("tells the area of a slot given back only while an order waits in its pool, after the commit", async () => {
    const freed = { tellArea: { workAreaId: 'zone-a', signals: ['capacityFreed' as const] } };
    await record(transition('k-4', 'done', 'released', 'returned', freed));
    expect(signalled).toEqual([{ workflowId: 'area-zone-a', signal: 'capacityFreed' }]);
    // Nothing waits once the waiting order has gone: the area is not woken.
    await record(transition('k-5', 'waiting', 'queued', 'cancelled'));
    await record(transition('k-6', 'done', 'returned', 'returned', freed));
    expect(signalled).toHaveLength(1);
  });

  it('leaves the area be while a cycle it was called for is still to come: that cycle will find the slot', async () => {
    const em = store.em.fork();
    em.create(OrderRecord, { id: 'waiting-2', account: 'ACME', kind: 'delivery', statedPriority: 'normal', dueAt: new Date(), workAreaId: 'zone-a', lines: [], state: 'queued', inPool: true });
    await em.flush();
    signalled.length = 0;
    const freed = { tellArea: { workAreaId: 'zone-a', signals: ['capacityFreed' as const] } };
    expect(await claimCycleCall(em, 'zone-a', before(5_000))).toBe(true);
    await record(transition('k-8', 'done', 'returned', 'returned', freed));
    expect(signalled).toEqual([]);
    await answerCycleCall(em, 'zone-a');
    await record(transition('k-9', 'done', 'returned', 'returned', freed));
    expect(signalled).toEqual([{ workflowId: 'area-zone-a', signal: 'capacityFreed' }]);
  });

  it("calls the area for a cycle as the order enters its pool, again when the same record runs again, never over another's call", async () => {
    const em = store.em.fork();
    em.create(WorkAreaRecord, { id: 'zone-c', name: 'Zone C', kind: 'pick_zone', wipLimit: 5 });
    for (const id of ['c-1', 'c-2']) em.create(OrderRecord, { id, account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt: new Date(), workAreaId: 'zone-c', lines: [], state: 'validating' });
    await em.flush();
    signalled.length = 0;
    const entering = (key: string, orderId: string, queuedAt: Date) =>
      transition(key, orderId, 'validating', 'queued', { callCycle: { workAreaId: 'zone-c', orderId, priorityScore: 4, dueAt: NOW.toISOString(), queuedAt: queuedAt.toISOString() } });
    const first = entering('c-1-k', 'c-1', before(1_000));
    await record(first);
    expect(signalled).toEqual([{ workflowId: 'area-zone-c', signal: 'enqueue' }]);
    // Run again (its answer lost, or its worker gone before it signalled): its own call goes out again.
    await record(first);
    expect(signalled).toHaveLength(2);
    // Another order entering while that call is out leaves it to the cycle that answers it.
    await record(entering('c-2-k', 'c-2', before(500)));
    expect(signalled).toHaveLength(2);
    await answerCycleCall(em, 'zone-c');
    await record(transition('c-2-k2', 'c-2', 'queued', 'queued', { callCycle: { workAreaId: 'zone-c', orderId: 'c-2', priorityScore: 4, dueAt: NOW.toISOString(), queuedAt: NOW.toISOString() } }));
    expect(signalled).toHaveLength(3);
  });

  it('refuses a transition of an order the store does not have', async () => {
    await expect(record(transition('k-7', 'nobody', 'queued', 'released'))).rejects.toThrow(/not in the store/);
  });

  // Last: its escalation from the pool signals the area, which the test of slots given back counts.
  it('notifies the role an order is escalated to once, however often the record is retried', async () => {
    const em = store.em.fork();
    em.create(OrderRecord, { id: 'to-escalate', reference: 'ESC-1', account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt: new Date(), workAreaId: 'zone-a', lines: [], state: 'queued', inPool: true });
    await em.flush();
    const t = transition('k-escalate', 'to-escalate', 'queued', 'escalated', { event: 'ESCALATE', escalation: { role: 'specialist', reason: 'Needs a review', from: 'queued' } });
    await record(t);
    await record(t);
    expect(await store.em.fork().find(NotificationRecord, { link: '/?view=orders&order=to-escalate' })).toMatchObject([{ role: 'specialist', userId: null, kind: 'escalated_to_my_role', text: 'Needs a review' }]);
  });
});

describe('recording a transition into a state with an escalation deadline', () => {
  const store = useTempStore();
  const temporal = null as unknown as Client;

  it("decides the deadline in the record's transaction, once however often the record is retried", async () => {
    await seedDefaults(store().em.fork());
    const em = store().em.fork();
    em.create(OrderRecord, { id: 'o-1', account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt: new Date(Date.now() + 48 * 3_600_000), workAreaId: 'pick-a', lines: [], state: 'validating' });
    await em.flush();
    const record = recordTransitionActivity({ store: store(), temporal, taskQueue: 'unused', clock: () => new Date() });
    const t: TransitionRecord = { key: 'r-1', orderId: 'o-1', from: 'validating', to: 'queued', event: 'PRIORITIZED', actor: 'system', reason: null, priorityScore: 0, escalation: null, holds: [], assignee: null, data: null, deadlineKey: 'r-2' };

    const first = await record(t);
    expect(first).toEqual({ minutes: 240, role: 'dispatcher' });
    expect(await record(t)).toEqual(first);
    const decisions = await store().em.fork().find(DecisionRecord, { orderId: 'o-1' });
    expect(decisions.map((d) => [d.id, d.decisionPoint])).toEqual([['r-2', 'escalation']]);
    // Decided for the state the transition entered.
    expect(decisions[0]?.facts.state).toBe('queued');
    const audit = await store().em.fork().find(AuditEntryRecord, { subjectId: 'o-1' });
    expect(audit.map((e) => e.dedupeKey).sort()).toEqual(['decision:r-2', 'r-1']);
  });

  it('answers no deadline when the record is not asked for one', async () => {
    const record = recordTransitionActivity({ store: store(), temporal, taskQueue: 'unused', clock: () => new Date() });
    expect(await record({ key: 'r-3', orderId: 'o-1', from: 'queued', to: 'released', event: 'RELEASE', actor: 'system', reason: null, priorityScore: 0, escalation: null, holds: [], assignee: null, data: null })).toBeNull();
  });
});
