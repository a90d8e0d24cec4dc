import type { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { initialTransition } from 'xstate';
import { AuditEntryRecord } from '../store/audit-entry.entity.ts';
import { DecisionRecord } from '../store/decision.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import type { Store } from '../store/open-store.ts';
import { seedDefaults } from '../store/seed.ts';
import { useTempStore } from '../test/temp-store.ts';
import { stepOf, type StepContext } from '../workflows/lifecycle-step.ts';
import { machineFor } from '../workflows/machines/machine-for-kind.ts';
import { recordAndDecideActivity, type FollowRequest, type NextDecision } from './record-and-decide.ts';
import type { TransitionRecord } from './record-transition.ts';

const temporal = null as unknown as Client;
// The area's controller, as a recorder of the calls for a cycle it would get.
const calls: string[] = [];
const recordingTemporal = { workflow: { signalWithStart: async (_type: string, o: { workflowId: string }) => void calls.push(o.workflowId) } } as unknown as Client;
const addOrder = async (store: Store, id: string, lines: { sku: string; qty: number; price: number }[] = []) => {
  const em = store.em.fork();
  em.create(OrderRecord, { id, account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt: new Date(Date.now() + 48 * 3_600_000), workAreaId: 'pick-a', lines, state: 'captured' });
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

/**
 * From revision 6: the transitions a decision leads to, recorded with it while each leaves only another
 * decision, through the same pure steps the workflow takes (workflows/lifecycle-step.ts).
 */
const machine = machineFor('pick');

/** An order just captured, as the workflow asks for its record, its intake decision and what follows. */
const captured = async (store: () => Store, orderId: string) => {
    await addOrder(store(), orderId, [{ sku: 'A', qty: 1, price: 10 }]);
    const [snapshot, effects] = initialTransition(machine, { orderId, workAreaId: 'pick-a', kind: 'pick', paymentMode: 'prepaid', splitFrom: null });
    expect(effects.map((e) => e.type)).toEqual(['decideIntake']);
    const ctx: StepContext = { orderId, revision: 6, dueAt: new Date(Date.now() + 48 * 3_600_000).toISOString(), workAreaId: 'pick-a', poolEnteredAt: null, now: Math.floor(Date.now() / 1000) * 1000, keyPrefix: orderId, step: 2 };
    const follow: FollowRequest = { kind: 'pick', value: snapshot.value, context: snapshot.context, ctx };
    const record = { ...transition(`${orderId}:1`, orderId, { from: null, to: 'captured', event: 'CAPTURED' }), next: { activity: 'decideIntake', request: { orderId, decisionKey: `${orderId}:2` } } as NextDecision, follow };
    return { record, snapshot, ctx };
};
const auditOf = async (store: () => Store, orderId: string) => (await store().em.fork().find(AuditEntryRecord, { subjectType: 'order', subjectId: orderId }, { orderBy: { seq: 'asc' } })).map((e) => [e.dedupeKey, e.action, e.toState]);

describe('following a decision to the transitions it leads to', () => {
  const store = useTempStore();

  it('records intake, priority and the pool in one go, with the keys and times the workflow will take, once however often it runs', async () => {
    await seedDefaults(store().em.fork());
    const { record, snapshot, ctx } = await captured(store, 'o-chain');
    const recordAndDecide = recordAndDecideActivity({ store: store(), temporal: recordingTemporal, taskQueue: 'unused', clock: () => new Date() });

    const first = await recordAndDecide(record);
    expect(first.decided).toMatchObject({ outcome: 'accept' });
    expect(first.chain).toEqual({ links: [{ deadline: null, decided: { decisionId: 'o-chain:4', score: expect.any(Number) } }, { deadline: { minutes: 240, role: expect.any(String) } }], refused: null });
    expect(await recordAndDecide(record)).toEqual(first);
    expect(await auditOf(store, 'o-chain')).toEqual([
      ['o-chain:1', 'CAPTURED', 'captured'],
      ['o-chain:3', 'INTAKE_DECIDED', 'validating'],
      ['o-chain:5', 'PRIORITIZED', 'queued'],
    ]);
    const decisions = await store().em.fork().find(DecisionRecord, { orderId: 'o-chain' }, { orderBy: { id: 'asc' } });
    expect(decisions.map((d) => [d.id, d.decisionPoint])).toEqual([['o-chain:2', 'intake'], ['o-chain:4', 'priority'], ['o-chain:6', 'escalation']]);
    // The pool entry is stamped with the workflow's clock, as the workflow stamps its own: a release names the stay it saw.
    expect((await store().em.fork().findOneOrFail(OrderRecord, { id: 'o-chain' })).queuedAt?.getTime()).toBe(ctx.now);
    expect(calls).toContain('area-pick-a');

    // The workflow takes the same steps from the answer and comes to the same records.
    const wf = { ...ctx };
    const intake = stepOf(machine, snapshot, { type: 'INTAKE_DECIDED', ...(first.decided as { outcome: 'accept'; reason: string }) }, wf, { actor: 'system' });
    wf.step += 1;
    const priority = stepOf(machine, intake.snapshot, { type: 'PRIORITIZED', ...(first.chain!.links[0]!.decided as { score: number; decisionId: string }) }, wf, { actor: 'system' });
    expect([intake.record.key, priority.record.key, priority.record.deadlineKey, priority.snapshot.value]).toEqual(['o-chain:3', 'o-chain:5', 'o-chain:6', 'queued']);
  });

});

describe('following a decision to one refused for good', () => {
  // No rulesets at all: intake accepts by default, priority has none in force.
  const store = useTempStore();

  it('stops there, keeping what it recorded before, and says so', async () => {
    const { record } = await captured(store, 'o-refused');
    const recordAndDecide = recordAndDecideActivity({ store: store(), temporal: recordingTemporal, taskQueue: 'unused', clock: () => new Date() });
    const answer = await recordAndDecide(record);
    expect(answer.chain).toEqual({ links: [{ deadline: null }], refused: { message: 'no priority ruleset is in force', type: 'NoPublishedRuleset' } });
    expect((await auditOf(store, 'o-refused')).map(([, action]) => action)).toEqual(['CAPTURED', 'INTAKE_DECIDED']);
  });
});
