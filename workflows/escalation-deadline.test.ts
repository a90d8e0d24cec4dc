import { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail, OrderState, OrderSummary } from '../domain/order.ts';
import { findOrInstallTestServer } from '../launcher/temporal-test-server.ts';
import { createHarness, eventually, quietWorkerLogs, type Harness } from '../test/sluice-harness.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';
import { orderWorkflowId } from './definitions.ts';

/**
 * Escalation deadlines are durable timers. Temporal's time-skipping test server jumps over the hours,
 * so a 4-hour deadline is proven in seconds; the order, the rules and the store are all real.
 */
describe('escalation deadlines (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let h: Harness;
  beforeAll(async () => {
    quietWorkerLogs();
    const path = await findOrInstallTestServer();
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
    h = await createHarness({ wipLimit: 1, temporal: { client: env.client, workerConnection: env.nativeConnection, namespace: env.namespace ?? 'default' } });
    await h.startWorker(await bundleWorkflows());
  });
  afterAll(async () => {
    await h?.close();
    await env?.teardown();
  });

  const post = async (reference: string, dueInHours: number) =>
    (await (
      await h.request('/orders', {
        method: 'POST',
        body: JSON.stringify({ reference, account: 'ACME', dueAt: new Date(Date.now() + dueInHours * 3_600_000).toISOString(), workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 1, price: 1 }] }),
      })
    ).json()) as OrderSummary;
  const get = async (id: string) => (await (await h.request(`/orders/${id}`)).json()) as OrderDetail;
  const reach = (id: string, state: OrderState) => eventually(async () => ((o) => (o.state === state ? o : undefined))(await get(id)), `${id} to be ${state}`);
  const act = (id: string, action: string) => h.request(`/orders/${id}/actions`, { method: 'POST', body: JSON.stringify({ action, reason: 'test' }) });

  it('a 4-hour deadline on a waiting order fires and escalates it to the dispatcher, without waiting 4 hours', async () => {
    const first = await post('FIRST', 48);
    await reach(first.id, 'released');
    const waiting = await post('WAITING', 48);
    const queued = await reach(waiting.id, 'queued');
    const deadline = queued.decisions.find((d) => d.decisionPoint === 'escalation');
    expect(deadline?.outcome.chosen).toMatchObject({ type: 'deadline', params: { minutes: 240, role: 'dispatcher' } });

    await env.sleep('3 hours');
    expect((await get(waiting.id)).state).toBe('queued');
    await env.sleep('61 minutes');
    const escalated = await reach(waiting.id, 'escalated');
    expect(escalated.escalation).toEqual({ reason: 'Still queued after 240 minutes', role: 'dispatcher', from: 'queued' });
    expect(escalated.timeline.at(-1)).toMatchObject({ from: 'queued', to: 'escalated', event: 'ESCALATE', actor: 'system' });
    expect(escalated.allowedActions).toEqual(['resolve', 'cancel']);

    // A dispatcher sends it back to the pool, where it waits with a fresh deadline.
    expect((await act(waiting.id, 'resolve')).status).toBe(200);
    const resolved = await reach(waiting.id, 'queued');
    expect(resolved.escalation).toBeNull();
  });

  it('leaving the state cancels its deadline', async () => {
    const { orders } = (await (await h.request('/orders')).json()) as { orders: OrderSummary[] };
    const first = orders.find((o) => o.reference === 'FIRST')!;
    // Released an hour before the clock jumped 4 hours: its released deadline (60 minutes) fired meanwhile.
    const overdue = await reach(first.id, 'escalated');
    expect(overdue.escalation).toMatchObject({ from: 'released', role: 'dispatcher' });
    expect((await act(first.id, 'resolve')).status).toBe(200);
    await reach(first.id, 'released');

    // Starting within the hour leaves `released`: its deadline is cancelled and never fires.
    expect((await act(first.id, 'start')).status).toBe(200);
    await env.sleep('2 hours');
    expect((await get(first.id)).state).toBe('in_progress');

    const history = await env.client.workflow.getHandle(orderWorkflowId(first.id)).fetchHistory();
    const kinds = (history.events ?? []).map((e) => Object.keys(e).find((k) => k.endsWith('Attributes')));
    expect(kinds).toContain('timerCanceledEventAttributes');
  });
});
