import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OrderSummary } from '../domain/order.ts';
import { eventually, type Harness } from '../test/sluice-harness.ts';
import { useTimeSkippingHarness } from '../test/time-skipping-harness.ts';
import { orderWorkflowId } from './definitions.ts';

/**
 * Escalation deadlines are durable timers. Temporal's time-skipping test server jumps over the hours,
 * so a 4-hour deadline is proven in seconds; the order, the rules and the store are all real.
 */
describe('escalation deadlines (time-skipping)', () => {
  const harness = useTimeSkippingHarness({ wipLimit: 1 });
  let env: TestWorkflowEnvironment;
  let h: Harness;
  beforeAll(() => {
    [env, h] = [harness.env(), harness.h()];
  });

  // Time only jumps once the workflow has started its timer: wait for it in the history first.
  const timersStarted = async (id: string) => {
    const history = await env.client.workflow.getHandle(orderWorkflowId(id)).fetchHistory();
    return (history.events ?? []).filter((e) => e.timerStartedEventAttributes).length;
  };
  const awaitTimers = (id: string, count: number) => eventually(async () => ((await timersStarted(id)) >= count ? true : undefined), `timer ${count} of ${id}`);
  const act = (id: string, action: string) => h.request(`/orders/${id}/actions`, { method: 'POST', body: JSON.stringify({ action, reason: 'test' }) });

  it('a 4-hour deadline on a waiting order fires and escalates it to the dispatcher, without waiting 4 hours', async () => {
    const first = await h.postOrder('FIRST', 48);
    await h.reach(first.id, 'assigned');
    const waiting = await h.postOrder('WAITING', 48);
    await h.reach(waiting.id, 'queued');
    await awaitTimers(first.id, 1);
    await awaitTimers(waiting.id, 1);
    const deadline = (await h.getOrder(waiting.id)).decisions.find((d) => d.decisionPoint === 'escalation');
    expect(deadline?.outcome.chosen).toMatchObject({ type: 'deadline', params: { minutes: 240, role: 'dispatcher' } });

    await env.sleep('3 hours');
    expect((await h.getOrder(waiting.id)).state).toBe('queued');
    await env.sleep('61 minutes');
    const escalated = await h.reach(waiting.id, 'escalated');
    expect(escalated.escalation).toEqual({ reason: 'Still queued after 240 minutes', role: 'dispatcher', from: 'queued' });
    expect(escalated.timeline.at(-1)).toMatchObject({ from: 'queued', to: 'escalated', event: 'ESCALATE', actor: 'system' });
    expect(escalated.allowedActions).toEqual(['force_release', 'escalate', 'resolve', 'cancel']);

    // A dispatcher sends it back to the pool, where it waits with a fresh deadline.
    expect((await act(waiting.id, 'resolve')).status).toBe(200);
    const resolved = await h.reach(waiting.id, 'queued');
    expect(resolved.escalation).toBeNull();
  });

  it('leaving the state cancels its deadline', async () => {
    const { orders } = (await (await h.request('/orders')).json()) as { orders: OrderSummary[] };
    const first = orders.find((o) => o.reference === 'FIRST')!;
    // Assigned before the clock jumped 4 hours: its assigned deadline (120 minutes) fired meanwhile.
    const overdue = await h.reach(first.id, 'escalated');
    expect(overdue.escalation).toMatchObject({ from: 'assigned', role: 'dispatcher' });
    expect((await act(first.id, 'resolve')).status).toBe(200);
    await h.reach(first.id, 'assigned');

    // Starting within the hour leaves `assigned`: its deadline is cancelled and never fires.
    expect((await act(first.id, 'start')).status).toBe(200);
    await env.sleep('2 hours');
    expect((await h.getOrder(first.id)).state).toBe('in_progress');

    const history = await env.client.workflow.getHandle(orderWorkflowId(first.id)).fetchHistory();
    const kinds = (history.events ?? []).map((e) => Object.keys(e).find((k) => k.endsWith('Attributes')));
    expect(kinds).toContain('timerCanceledEventAttributes');
  });
});
