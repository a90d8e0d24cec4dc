import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseCycleView } from '../domain/release-cycle-view.ts';
import { eventually, type Harness } from '../test/sluice-harness.ts';
import { useTimeSkippingHarness } from '../test/time-skipping-harness.ts';
import { areaWorkflowId } from './definitions.ts';

/**
 * A periodic area's cycles run on a durable timer. Temporal's time-skipping test server jumps to the
 * period, so an hourly release is proven in seconds; the orders, the rules and the store are all real.
 */
describe('periodic release (time-skipping)', () => {
  const harness = useTimeSkippingHarness({ wipLimit: 5 });
  let env: TestWorkflowEnvironment;
  let h: Harness;
  beforeAll(() => {
    [env, h] = [harness.env(), harness.h()];
  });

  const cycles = async () => ((await (await h.request(`/work-areas/${h.workAreaId}/cycles?limit=200`)).json()) as { cycles: ReleaseCycleView[] }).cycles;
  const controllerEvents = async (attribute: string) => {
    const history = await env.client.workflow.getHandle(areaWorkflowId(h.workAreaId)).fetchHistory();
    return (history.events ?? []).filter((e) => (e as Record<string, unknown>)[attribute]).length;
  };

  it('releases only on its period: orders queued meanwhile wait for it, whatever else changes', async () => {
    const first = await h.postOrder('BEFORE', 48);
    await h.reach(first.id, 'assigned');
    const settings = { name: 'Hourly', kind: 'pick_zone', capacity: { wipLimit: 5 }, releasePeriod: { mode: 'periodic', everyMinutes: 60 } };
    expect((await h.request(`/work-areas/${h.workAreaId}`, { method: 'PUT', role: 'admin', body: JSON.stringify(settings) })).status).toBe(200);
    const before = (await cycles()).length;

    const waiting = await h.postOrder('WAITS', 48);
    await h.reach(waiting.id, 'queued');
    // The controller heard of the queued order: the signal is in its history, and no cycle ran for it.
    await eventually(async () => ((await controllerEvents('workflowExecutionSignaledEventAttributes')) >= 2 ? true : undefined), 'the enqueue signal');
    expect((await h.getOrder(waiting.id)).state).toBe('queued');
    expect((await cycles()).length).toBe(before);

    await env.sleep('61 minutes');
    await h.reach(waiting.id, 'assigned');
    // The activity's clock does not skip with the server's, so more periods may have passed: one released it.
    const releasing = (await cycles()).filter((c) => c.released.some((r) => r.orderId === waiting.id));
    expect(releasing.map((c) => c.triggers.includes('period'))).toEqual([true]);
  });

  it('a release group of two gateways ranks one pool: the better order goes first whichever gateway it enters by', async () => {
    const area = (id: string, capacity: object) => h.request('/work-areas', { method: 'POST', role: 'admin', body: JSON.stringify({ id, name: id, kind: 'production_line', capacity }) });
    for (const id of ['gate-one', 'gate-two']) expect((await area(id, { wipLimit: 5 })).status).toBe(201);
    // Downstream of both gateways: room for one order's 4 hours at a time.
    expect((await area('shared-paint', { wipLimit: null, workloadNormHours: 5, loadCorrection: 'plain' })).status).toBe(201);
    const group = { id: 'press-shop', name: 'Press shop', gatewayIds: ['gate-one', 'gate-two'], releasePeriod: { mode: 'periodic', everyMinutes: 60 } };
    expect((await h.request('/release-groups', { method: 'POST', role: 'ops_manager', body: JSON.stringify(group) })).status).toBe(201);
    // An area is a gateway of one group at most, and a gateway is a work area.
    const other = (gatewayIds: string[]) => h.request('/release-groups', { method: 'POST', role: 'admin', body: JSON.stringify({ id: 'other', name: 'Other', gatewayIds }) });
    expect(await (await other(['gate-two'])).json()).toMatchObject({ error: { code: 'conflict', message: expect.stringContaining('gate-two is a gateway of press-shop') } });
    expect((await other(['no-such-area'])).status).toBe(422);

    const routed = async (reference: string, gateway: string, statedPriority: string) =>
      (await (
        await h.request('/orders', {
          method: 'POST',
          body: JSON.stringify({
            reference,
            account: 'ACME',
            kind: 'production',
            statedPriority,
            workAreaId: gateway,
            dueAt: new Date(Date.now() + 48 * 3_600_000).toISOString(),
            routing: [{ workAreaId: gateway, hours: 2 }, { workAreaId: 'shared-paint', hours: 4 }],
            lines: [{ sku: 'A', qty: 1, price: 1 }],
          }),
        })
      ).json()) as { id: string };
    // Gate one's order came first; gate two's is urgent. On its own, gate one would release its order first.
    const ordinary = await routed('GATE-ONE', 'gate-one', 'normal');
    const urgent = await routed('GATE-TWO', 'gate-two', 'urgent');
    await h.reach(ordinary.id, 'queued');
    await h.reach(urgent.id, 'queued');

    await env.sleep('61 minutes');
    await h.reach(urgent.id, 'assigned');
    expect((await h.getOrder(ordinary.id)).state).toBe('queued');
    const { cycles } = (await (await h.request('/work-areas/gate-one/cycles?limit=200')).json()) as { cycles: ReleaseCycleView[] };
    const releasing = cycles.find((c) => c.released.length > 0)!;
    expect(releasing).toMatchObject({ releaseGroupId: 'press-shop', released: [{ orderId: urgent.id, gatewayId: 'gate-two' }] });
    expect(releasing.gateways!.map((g) => g.workAreaId)).toEqual(['gate-one', 'gate-two']);
    expect(releasing.waited).toEqual([expect.objectContaining({ orderId: ordinary.id, reason: "Would bring shared-paint's load to 8.0 h; its workload norm is 5 h." })]);
  });
});
