import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities, type OrderActivities } from '../activities/index.ts';
import { AuditEntryRecord } from '../store/audit-entry.entity.ts';
import { DecisionRecord } from '../store/decision.entity.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';
import { completeOperationUpdate, orderActionUpdate, orderWorkflowId } from './definitions.ts';

/** The activities an order of today's revision runs in its workflow task, each keyed by its transition's or decision's key. */
const LOCAL: (keyof OrderActivities)[] = ['recordTransition', 'recordAndDecide', 'decideIntake', 'decidePriority', 'assignOrder', 'decideReturn', 'decideRemit', 'completeOperation'];

/**
 * Integration: an order's decisions and records run as local activities, and every one of them fails once
 * after its write committed (as when a worker loses the answer and the activity runs again): each
 * transition and decision is still in the store exactly once, and the order still closes.
 */
describe('decisions and records as local activities, retried after their write', () => {
  let h: Harness;
  let worker: Worker;
  let running: Promise<void>;
  let connection: NativeConnection;
  const failedOnce = new Set<string>();

  beforeAll(async () => {
    h = await createHarness({ wipLimit: 5 });
    const real = createActivities({ store: h.store, temporal: h.client, taskQueue: h.taskQueue, clock: () => new Date() });
    const failingOnceAfterWrite = (name: keyof OrderActivities) => {
      const activity = real[name] as (arg: { key?: string; decisionKey?: string }) => Promise<unknown>;
      return async (arg: { key?: string; decisionKey?: string }) => {
        const answer = await activity(arg);
        const key = `${name} ${arg.key ?? arg.decisionKey}`;
        if (failedOnce.has(key)) return answer;
        failedOnce.add(key);
        throw new Error(`${key}: the answer was lost`);
      };
    };
    const activities = { ...real, ...Object.fromEntries(LOCAL.map((name) => [name, failingOnceAfterWrite(name)])) };
    connection = await NativeConnection.connect({ address: inject('temporalAddress') });
    worker = await Worker.create({ connection, namespace: inject('temporalNamespace'), taskQueue: h.taskQueue, workflowBundle: await bundleWorkflows(), activities });
    running = worker.run();
  }, 120_000);
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await connection?.close();
    await h?.close();
  });

  it('keeps each transition and decision once, and costs the server no activity on the happy path', async () => {
    const order = await h.postOrder('RETRIED', 48);
    await h.reach(order.id, 'assigned');
    const handle = h.client.workflow.getHandle(orderWorkflowId(order.id));
    for (const action of ['start', 'complete'] as const) await handle.executeUpdate(orderActionUpdate, { args: [{ action, actor: 'test' }] });
    expect(await handle.result()).toBe('closed');

    const em = h.store.em.fork();
    const audit = await em.find(AuditEntryRecord, { subjectType: 'order', subjectId: order.id }, { orderBy: { seq: 'asc' } });
    // The first is the API's entry for the order taken in.
    expect(audit.map((e) => e.action)).toEqual(['intake', 'CAPTURED', 'INTAKE_DECIDED', 'PRIORITIZED', 'RELEASE', 'ASSIGNED', 'START', 'COMPLETE', 'REMIT_DECIDED']);
    const decisions = await em.find(DecisionRecord, { orderId: order.id });
    expect(decisions.map((d) => d.decisionPoint).sort()).toEqual(['escalation', 'escalation', 'escalation', 'intake', 'priority', 'remit']);
    expect(decisions.find((d) => d.decisionPoint === 'priority')?.rules.length).toBeGreaterThan(0);
    // Every write ran twice: 8 records, 3 with the deadline of the state entered, in 4 transactions. A decision
    // is made with the record of the transition that calls for it, and the transitions it leads to are recorded
    // with them while each leaves only another decision: captured, intake, validated, priority, queued; released,
    // the assignment, assigned; started; completed, remit, closed.
    expect([...failedOnce].map((key) => key.split(' ')[0]).sort()).toEqual([...Array(3).fill('recordAndDecide'), 'recordTransition']);

    const events = (await handle.fetchHistory()).events ?? [];
    // Not even the call for a release cycle goes through the server: the record into the pool claims it as its own.
    expect(events.filter((e) => e.activityTaskScheduledEventAttributes)).toEqual([]);
    expect(events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')).toHaveLength(4);
  }, 120_000);

  it("records each routing step done once, however often its activity runs, and the last one completes the order", async () => {
    const em = h.store.em.fork();
    em.create(WorkAreaRecord, { id: `${h.workAreaId}-line`, name: 'Line', kind: 'production_line', wipLimit: 5 });
    await em.flush();
    const line = `${h.workAreaId}-line`;
    const routing = [
      { workAreaId: line, hours: 1 },
      { workAreaId: line, hours: 2 },
    ];
    const posted = await h.request('/orders', { method: 'POST', body: JSON.stringify({ reference: 'STEPS', account: 'ACME', kind: 'production', dueAt: new Date(Date.now() + 48 * 3_600_000).toISOString(), workAreaId: line, routing, lines: [{ sku: 'A', qty: 1, price: 1 }] }) });
    const order = (await posted.json()) as { id: string };
    await h.reach(order.id, 'assigned');
    const handle = h.client.workflow.getHandle(orderWorkflowId(order.id));
    await handle.executeUpdate(orderActionUpdate, { args: [{ action: 'start', actor: 'test' }] });
    expect(await handle.executeUpdate(completeOperationUpdate, { args: [{ position: 1, actor: 'line-terminal' }] })).toBe('in_progress');
    expect(await handle.executeUpdate(completeOperationUpdate, { args: [{ position: 2, actor: 'line-terminal' }] })).toBe('closed');
    expect(await handle.result()).toBe('closed');

    const audit = await h.store.em.fork().find(AuditEntryRecord, { subjectType: 'order', subjectId: order.id }, { orderBy: { seq: 'asc' } });
    expect(audit.map((e) => e.action).slice(-4)).toEqual(['OPERATION_COMPLETED', 'OPERATION_COMPLETED', 'COMPLETE', 'REMIT_DECIDED']);
    expect([...failedOnce].filter((key) => key.startsWith('completeOperation'))).toHaveLength(2);
  }, 120_000);
});
