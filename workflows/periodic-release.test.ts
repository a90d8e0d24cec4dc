import { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseCycleView } from '../domain/release-cycle-view.ts';
import { findOrInstallTestServer } from '../launcher/temporal-test-server.ts';
import { withoutClockShift } from '../test/clock-shift.ts';
import { createHarness, eventually, quietWorkerLogs, type Harness } from '../test/sluice-harness.ts';
import { areaWorkflowId } from './definitions.ts';

/**
 * A periodic area's cycles run on a durable timer. Temporal's time-skipping test server jumps to the
 * period, so an hourly release is proven in seconds; the orders, the rules and the store are all real.
 */
describe('periodic release (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let h: Harness;
  beforeAll(async () => {
    quietWorkerLogs();
    const path = await findOrInstallTestServer();
    env = await withoutClockShift(() => TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } }));
    h = await createHarness({ wipLimit: 5, temporal: { client: env.client, workerConnection: env.nativeConnection, namespace: env.namespace ?? 'default' }, worker: true });
  });
  afterAll(async () => {
    await h?.close();
    await env?.teardown();
  });

  const cycles = async () => ((await (await h.request(`/work-areas/${h.workAreaId}/cycles`)).json()) as { cycles: ReleaseCycleView[] }).cycles;
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
});
