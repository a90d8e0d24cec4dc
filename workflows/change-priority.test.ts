import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, eventually, type Harness } from '../test/sluice-harness.ts';

/** Integration: a waiting order's stated priority changes, and the rules decide its effective priority again. */
describe('changing the stated priority', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ wipLimit: 1, worker: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('stores the new stated priority, decides again and re-ranks the order in its pool', async () => {
    const holding = await h.postOrder('HOLDING', 2);
    await h.reach(holding.id, 'assigned');
    const waiting = await h.postOrder('WAITING', 48);
    const before = await h.reach(waiting.id, 'queued');
    expect(before.priorityScore).toBe(0);

    const change = (body: object) => h.request(`/orders/${waiting.id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'change_priority', ...body }) });
    expect((await change({})).status).toBe(400);
    expect((await change({ statedPriority: 'urgent', reason: 'Customer escalated by phone' })).status).toBe(200);

    const after = await eventually(async () => ((o) => (o.timeline.at(-1)?.event === 'REPRIORITIZED' ? o : undefined))(await h.getOrder(waiting.id)), 'the new decision');
    expect(after).toMatchObject({ state: 'queued', statedPriority: 'urgent', priorityScore: 10 });
    expect(after.timeline.slice(-2).map((t) => [t.event, t.actor, t.reason])).toEqual([
      ['CHANGE_PRIORITY', 'token:test dispatcher', 'Customer escalated by phone'],
      ['REPRIORITIZED', 'system', null],
    ]);
    expect(after.decisions.filter((d) => d.decisionPoint === 'priority').map((d) => d.outcome.score)).toEqual([0, 10]);
  });
});
