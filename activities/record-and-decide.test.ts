import type { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { AuditEntryRecord } from '../store/audit-entry.entity.ts';
import { DecisionRecord } from '../store/decision.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import type { Store } from '../store/open-store.ts';
import { seedDefaults } from '../store/seed.ts';
import { useTempStore } from '../test/temp-store.ts';
import { recordAndDecideActivity, type NextDecision } from './record-and-decide.ts';
import type { TransitionRecord } from './record-transition.ts';

const temporal = null as unknown as Client;
const addOrder = async (store: Store, id: string) => {
  const em = store.em.fork();
  em.create(OrderRecord, { id, account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt: new Date(Date.now() + 48 * 3_600_000), workAreaId: 'pick-a', lines: [], state: 'captured' });
  await em.flush();
};
const transition = (key: string, orderId: string, extra: Partial<TransitionRecord> = {}): TransitionRecord => ({
  key, orderId, from: 'captured', to: 'validating', event: 'TEST', actor: 'system', reason: null, priorityScore: null, escalation: null, holds: [], assignee: null, data: null, ...extra,
});

/** The record of a transition and the decision it calls for, in one transaction, against a real database. */
describe('recording a transition with the decision it calls for', () => {
  const store = useTempStore();

  it.each<{ point: string; next: (key: string) => NextDecision; decided: unknown; stored: string[] }>([
    { point: 'intake', next: (key) => ({ activity: 'decideIntake', request: { orderId: 'intake', decisionKey: key } }), decided: { outcome: 'reject', reason: expect.stringContaining('no lines') }, stored: ['intake'] },
    { point: 'priority', next: (key) => ({ activity: 'decidePriority', request: { orderId: 'priority', decisionKey: key } }), decided: { decisionId: 'priority-d', score: expect.any(Number) }, stored: ['priority'] },
    { point: 'remit', next: (key) => ({ activity: 'decideRemit', request: { orderId: 'remit', amountCollected: null, decisionKey: key } }), decided: { outcome: 'clear' }, stored: ['remit'] },
    { point: 'return', next: (key) => ({ activity: 'decideReturn', request: { orderId: 'return', returnReason: 'not_home', attempts: 1, decisionKey: key } }), decided: { outcome: expect.any(String) }, stored: ['return'] },
    // An area with no resources on record hands the order to its team, with no decision to store.
    { point: 'assignment', next: (key) => ({ activity: 'assignOrder', request: { orderId: 'assignment', workAreaId: 'pick-a', decisionKey: key } }), decided: { resource: 'pick-a team' }, stored: [] },
  ])('$point: both once, however often the activity runs again', async ({ point, next, decided, stored }) => {
    await seedDefaults(store().em.fork());
    await addOrder(store(), point);
    const recordAndDecide = recordAndDecideActivity({ store: store(), temporal, taskQueue: 'unused', clock: () => new Date() });
    const request = { ...transition(`${point}-r`, point), next: next(`${point}-d`) };

    const first = await recordAndDecide(request);
    expect(first).toEqual({ deadline: null, decided });
    expect(await recordAndDecide(request)).toEqual(first);
    const em = store().em.fork();
    expect((await em.find(DecisionRecord, { orderId: point })).map((d) => [d.id, d.decisionPoint])).toEqual(stored.map((p) => [`${point}-d`, p]));
    expect(await em.count(AuditEntryRecord, { dedupeKey: `${point}-r` })).toBe(1);
    expect(await em.findOneOrFail(OrderRecord, { id: point })).toMatchObject({ state: 'validating' });
  });
});

describe('a decision refused for good with its record', () => {
  // No rulesets: the priority decision has none in force.
  const store = useTempStore();

  it('keeps the record and refuses as the decision would on its own', async () => {
    await addOrder(store(), 'o-1');
    const recordAndDecide = recordAndDecideActivity({ store: store(), temporal, taskQueue: 'unused', clock: () => new Date() });
    await expect(recordAndDecide({ ...transition('r-1', 'o-1'), next: { activity: 'decidePriority', request: { orderId: 'o-1', decisionKey: 'd-1' } } })).rejects.toMatchObject({
      type: 'NoPublishedRuleset',
      nonRetryable: true,
    });
    const em = store().em.fork();
    expect(await em.count(AuditEntryRecord, { dedupeKey: 'r-1' })).toBe(1);
    expect(await em.findOneOrFail(OrderRecord, { id: 'o-1' })).toMatchObject({ state: 'validating' });
  });
});
