import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderSummary } from '../domain/order.ts';
import { AuditEntryRecord } from '../store/audit-entry.entity.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';
import { orderWorkflowId } from './definitions.ts';

/** Integration: cancelling before work starts takes the order out of its area without leaking capacity. */
describe('cancelling an order', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ wipLimit: 1, worker: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  const cancel = (id: string, reason?: string) => h.request(`/orders/${id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'cancel', ...(reason ? { reason } : {}) }) });

  it('a waiting order leaves the pool, a released one gives its slot back, and the next order goes', async () => {
    const holding = await h.postOrder('HOLDING', 2);
    await h.reach(holding.id, 'assigned');
    const dropped = await h.postOrder('DROPPED', 3);
    const next = await h.postOrder('NEXT', 30);
    await h.reach(dropped.id, 'queued');
    await h.reach(next.id, 'queued');

    expect((await cancel(dropped.id)).status).toBe(400);
    expect((await cancel(dropped.id, 'Customer withdrew the order')).status).toBe(200);
    expect(await h.client.workflow.getHandle(orderWorkflowId(dropped.id)).result()).toBe('cancelled');

    expect((await cancel(holding.id, 'Duplicate of another order')).status).toBe(200);
    await h.reach(next.id, 'assigned');
    expect((await h.getOrder(dropped.id)).timeline.map((t) => t.to)).not.toContain('released');

    const [entry] = await h.store.em.fork().find(AuditEntryRecord, { subjectId: holding.id, action: 'CANCEL' });
    expect(entry).toMatchObject({ fromState: 'assigned', toState: 'cancelled', actor: 'token:test dispatcher', reason: 'Duplicate of another order', data: { actorRoles: ['dispatcher'] } });
  });

  it('work that has started cannot be cancelled', async () => {
    const { orders } = (await (await h.request('/orders')).json()) as { orders: OrderSummary[] };
    const next = orders.find((o) => o.reference === 'NEXT')!;
    expect((await h.request(`/orders/${next.id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'start' }) })).status).toBe(200);
    const refused = await cancel(next.id, 'Too late');
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      'Action "cancel" is not allowed while the order is in progress. Allowed now: hold, reassign, complete, escalate.',
    );
  });
});
