import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderRecord } from '../store/order.entity.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';
import { orderStateQuery, orderWorkflowId, releaseSignal } from './definitions.ts';

/**
 * Integration: a release carries the order's stay in the pool as the cycle saw it. A release meant for an
 * earlier stay (its grant ended when the order left the pool) is ignored, so a late signal cannot release
 * an order past a limit the area no longer reserves for it.
 */
describe('a release meant for an earlier stay in the pool', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ worker: true });
    // The area is paused, so only the signals this test sends release anything.
    await h.store.em.fork().nativeUpdate(WorkAreaRecord, { id: h.workAreaId }, { status: 'paused' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is ignored, while the release for the current stay is taken', async () => {
    const order = await h.postOrder('STALE', 4);
    await h.reach(order.id, 'queued');
    const { queuedAt } = await h.store.em.fork().findOneOrFail(OrderRecord, { id: order.id });
    const workflow = h.client.workflow.getHandle(orderWorkflowId(order.id));

    await workflow.signal(releaseSignal, { workAreaId: h.workAreaId, queuedAt: new Date(queuedAt!.getTime() - 60_000).toISOString() });
    // A query answers after the signals already in the history have been handled.
    expect(await workflow.query(orderStateQuery)).toBe('queued');

    await workflow.signal(releaseSignal, { workAreaId: h.workAreaId, queuedAt: queuedAt!.toISOString() });
    const released = await h.reach(order.id, 'assigned');
    expect(released.timeline.filter((t) => t.event === 'RELEASE')).toHaveLength(1);
  });
});
