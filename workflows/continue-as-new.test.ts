import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail, OrderState, OrderSummary } from '../domain/order.ts';
import { freePort } from '../launcher/free-port.ts';
import { startDevServer, type DevServer } from '../launcher/temporal-dev-server.ts';
import { createHarness, eventually, quietWorkerLogs, type Harness } from '../test/sluice-harness.ts';
import type { OrderWorkflowInput } from './order.workflow.ts';
import { orderWorkflowId } from './definitions.ts';
import { hoursFromNow } from '../test/clock.ts';

/**
 * A dev server of its own that suggests continue-as-new after 75 history events (which lands, as a rule,
 * while the order is assigned with a deadline running), so an order that is
 * escalated and resolved a few times continues as new: its state, step count and deadline go along.
 */
describe('continue-as-new', () => {
  let server: DevServer;
  let h: Harness;
  beforeAll(async () => {
    quietWorkerLogs();
    server = await startDevServer({ ip: '127.0.0.1', port: await freePort(), uiPort: false, namespace: 'default', logLevel: 'error', dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 75 } });
    const client = new Client({ connection: await Connection.connect({ address: server.address }) });
    h = await createHarness({ wipLimit: 1, temporal: { client, workerConnection: await NativeConnection.connect({ address: server.address }), namespace: 'default' }, worker: true });
  });
  afterAll(async () => {
    await h?.close();
    await server?.stop();
  });

  const get = async (id: string) => (await (await h.request(`/orders/${id}`)).json()) as OrderDetail;
  const reach = (id: string, state: OrderState) => eventually(async () => ((o) => (o.state === state ? o : undefined))(await get(id)), `${id} to be ${state}`);
  const act = (id: string, action: string) => h.request(`/orders/${id}/actions`, { method: 'POST', body: JSON.stringify({ action, reason: 'again' }) });

  it('keeps the order, its timeline and its deadline across runs', async () => {
    const order = (await (
      await h.request('/orders', { method: 'POST', body: JSON.stringify({ account: 'ACME', dueAt: hoursFromNow(24), workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 1, price: 1 }] }) })
    ).json()) as OrderSummary;
    await reach(order.id, 'assigned');
    const handle = h.client.workflow.getHandle(orderWorkflowId(order.id));
    const continued = async () => {
      const { raw, runId } = await handle.describe();
      return raw.workflowExecutionInfo?.firstRunId !== runId;
    };
    for (let i = 0; i < 10 && !(await continued()); i++) {
      expect((await act(order.id, 'escalate')).status).toBe(200);
      expect((await act(order.id, 'resolve')).status).toBe(200);
      await eventually(async () => ((await continued()) || (await get(order.id)).state === 'assigned' ? true : undefined), 'the order to settle');
    }
    expect(await continued()).toBe(true);

    const history = await handle.fetchHistory();
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    const input = JSON.parse(Buffer.from(started!.input!.payloads![0]!.data!).toString()) as OrderWorkflowInput;
    // Wherever the run ended, the next one starts there, with the machine it started with and its running deadline.
    const resume = input.resume!;
    expect(resume.step).toBeGreaterThanOrEqual(7);
    expect(resume.machineVersion).toBe(2);
    if (resume.state === 'assigned') expect(resume.deadline).toMatchObject({ armedIn: 'assigned', minutes: 120, role: 'dispatcher' });
    else expect(resume).toMatchObject({ state: 'escalated', deadline: { armedIn: 'escalated', role: 'ops_manager' }, context: { escalation: { from: 'assigned' } } });

    if ((await get(order.id)).state === 'escalated') expect((await act(order.id, 'resolve')).status).toBe(200);
    expect((await act(order.id, 'start')).status).toBe(200);
    expect((await act(order.id, 'complete')).status).toBe(200);
    expect(await handle.result()).toBe('closed');
    const timeline = (await get(order.id)).timeline;
    expect(timeline.at(-1)).toMatchObject({ from: 'completed', to: 'closed' });
    expect(timeline.filter((t) => t.event === 'ESCALATE').length).toBe(timeline.filter((t) => t.event === 'RESOLVE').length);
  });
});
