import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail, OrderState, OrderSummary } from '../domain/order.ts';
import { AuditEntryRecord } from '../store/audit-entry.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { ReleaseCycleRecord } from '../store/release-cycle.entity.ts';
import { createHarness, eventually, type Harness } from '../test/sluice-harness.ts';
import { areaWorkflowId, capacityFreedSignal, orderStateQuery, orderWorkflowId } from './definitions.ts';

/** Integration: the real Temporal server of the test run, a worker, a SQLite file, through the API. */
describe('two orders through a WIP-1 work area', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness({ wipLimit: 1, worker: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  const post = async (reference: string, dueAt: string): Promise<OrderSummary> => {
    const res = await h.request('/orders', {
      method: 'POST',
      headers: { 'idempotency-key': `${h.taskQueue}-${reference}` },
      body: JSON.stringify({ reference, account: 'ACME', statedPriority: 'normal', dueAt, workAreaId: h.workAreaId, lines: [{ sku: 'SKU-1', qty: 1, price: 10 }] }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as OrderSummary;
  };
  const get = async (id: string) => (await (await h.request(`/orders/${id}`)).json()) as OrderDetail;
  const stateOf = async (id: string) => (await get(id)).state;
  const reach = (id: string, state: OrderState) => eventually(async () => ((await stateOf(id)) === state ? true : undefined), `order ${id} to be ${state}`);
  const act = (id: string, action: string) => h.request(`/orders/${id}/actions`, { method: 'POST', body: JSON.stringify({ action, reason: 'test' }) });

  it('releases the second order only after the first completes', async () => {
    const soon = new Date(Date.now() + 2 * 3_600_000).toISOString();
    const later = new Date(Date.now() + 48 * 3_600_000).toISOString();
    const first = await post('A', soon);
    await reach(first.id, 'assigned');
    const second = await post('B', later);
    await reach(second.id, 'queued');

    // The workflow agrees with the read model, and the queued order refuses actions with a reason.
    expect(await h.client.workflow.getHandle(orderWorkflowId(second.id)).query(orderStateQuery)).toBe('queued');
    const refused = await act(second.id, 'complete');
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      'Action "complete" is not allowed while the order is queued. Allowed now: hold, force_release, escalate, cancel, change_priority.',
    );

    expect((await act(first.id, 'start')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(await stateOf(second.id)).toBe('queued');

    const completed = await act(first.id, 'complete');
    expect(completed.status).toBe(200);
    // Prepaid: the remit rules have nothing to collect, so the completed order closes at once.
    expect(((await completed.json()) as OrderDetail).state).toBe('closed');
    await reach(second.id, 'assigned');

    const detail = await get(first.id);
    expect(detail.timeline.map((t) => `${t.from ?? '∅'}→${t.to} ${t.event}`)).toEqual([
      '∅→validating CAPTURED',
      'validating→validating INTAKE_DECIDED',
      'validating→queued PRIORITIZED',
      'queued→released RELEASE',
      'released→assigned ASSIGNED',
      'assigned→in_progress START',
      'in_progress→completed COMPLETE',
      'completed→closed REMIT_DECIDED',
    ]);
    expect(detail.timeline.find((t) => t.event === 'COMPLETE')).toMatchObject({ actor: 'token:test dispatcher', reason: 'test' });
    expect(detail.decisions.map((d) => d.decisionPoint)).toEqual(['intake', 'priority', 'escalation', 'escalation', 'escalation', 'remit']);
    expect(await h.client.workflow.getHandle(orderWorkflowId(first.id)).result()).toBe('closed');
  });

  it('runs a cycle for freed capacity only while orders wait', async () => {
    const { id } = await h.store.em.fork().findOneOrFail(OrderRecord, { reference: 'B', workAreaId: h.workAreaId });
    expect((await act(id, 'start')).status).toBe(200);
    expect(((await (await act(id, 'complete')).json()) as OrderDetail).state).toBe('closed');
    // B's slot, given back with nothing waiting, woke nobody; told anyway (as an order of revision 2 does), the area skips the cycle.
    await h.client.workflow.getHandle(areaWorkflowId(h.workAreaId)).signal(capacityFreedSignal, { orderId: id });
    await reach((await post('D', new Date(Date.now() + 5 * 3_600_000).toISOString())).id, 'assigned');
    // Only A's completion, with B waiting, called for a cycle of its own.
    const cycles = await h.store.em.fork().find(ReleaseCycleRecord, { workAreaId: h.workAreaId }, { orderBy: { seq: 'asc' } });
    expect(cycles.filter((c) => c.triggers.every((t) => t === 'capacity_freed'))).toHaveLength(1);
  });

  it('shows the priority decision with fact values, condition results and the ruleset version', async () => {
    const order = await post('C', new Date(Date.now() + 3 * 3_600_000).toISOString());
    await eventually(async () => ((await get(order.id)).decisions.some((d) => d.decisionPoint === 'priority') ? true : undefined), 'the priority decision');
    const decision = (await get(order.id)).decisions.find((d) => d.decisionPoint === 'priority');
    expect(decision).toMatchObject({ decisionPoint: 'priority', rulesetId: 'priority', rulesetVersion: 1, outcome: { score: 30 } });
    const due = decision?.rules.find((r) => r.name === 'Due within 4 hours');
    expect(due).toMatchObject({ fired: true, points: 30 });
    expect(due?.conditions).toMatchObject({ kind: 'all', result: true });
    expect(decision?.facts.slackHours).toBeGreaterThan(2.5);
    expect((await get(order.id)).priorityScore).toBe(30);
  });

  it('writes each transition to the audit log exactly once', async () => {
    const entries = await h.store.em.fork().find(AuditEntryRecord, { subjectType: 'order' });
    const keys = entries.map((e) => e.dedupeKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
