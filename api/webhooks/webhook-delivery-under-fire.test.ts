import type { ChildProcess } from 'node:child_process';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderSummary } from '../../domain/order.ts';
import { WEBHOOK_EVENT_TYPES, type WebhookEndpointView } from '../../domain/webhook.ts';
import { WebhookAttemptRecord } from '../../store/webhooks/webhook-attempt.entity.ts';
import { WebhookEventRecord } from '../../store/webhooks/webhook-event.entity.ts';
import { createHarness, eventually, type Harness } from '../../test/sluice-harness.ts';
import { startWorkerProcess, stopProcesses } from '../../test/sluice-processes.ts';
import { startWebhookReceiver } from '../../test/webhook-receiver.ts';

// Read by the worker processes, which inherit this process's environment.
process.env.SLUICE_WEBHOOKS_ALLOW_NETWORKS = '127.0.0.1';
process.env.SLUICE_WEBHOOKS_RETRY_FIRST_SECONDS = '0.2';
process.env.SLUICE_WEBHOOKS_RETRY_MAX_SECONDS = '2';

const ORDERS = 8;

/**
 * At least once, whatever happens: the receiver is down while the orders are released, a worker process is
 * killed mid-run and another takes its place; when the receiver is back, every event has reached it, each
 * with its stored id and a valid signature.
 */
describe('webhook delivery under fire', () => {
  let h: Harness;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    await receiver.stop();
    h = await createHarness({ wipLimit: 100 });
  });
  afterAll(async () => {
    await stopProcesses(workers);
    await h?.close();
    await receiver?.stop().catch(() => {});
  });

  it('every event arrives at least once with its id, after the receiver was down and a worker was killed', async () => {
    const res = await h.request('/webhooks/endpoints', { method: 'POST', role: 'admin', body: JSON.stringify({ url: receiver.url('/hook'), eventTypes: WEBHOOK_EVENT_TYPES }) });
    const endpoint = (await res.json()) as WebhookEndpointView & { secret: string };
    workers.push(await startWorkerProcess(h), await startWorkerProcess(h));

    const orders: OrderSummary[] = [];
    for (let i = 0; i < ORDERS; i++) orders.push(await h.postOrder(`FIRE-${i}`, 4 + i));
    const em = () => h.store.em.fork();
    const ofOurs = (events: WebhookEventRecord[]) => events.filter((e) => orders.some((o) => o.id === (e.message.data as { orderId: string }).orderId));
    const ours = await eventually(async () => ((e) => (e.length === ORDERS ? e : undefined))(ofOurs(await em().find(WebhookEventRecord, { type: 'order.released' }))), 'every order released', 60_000);
    await eventually(async () => ((n) => (n >= ORDERS ? n : undefined))(await em().count(WebhookAttemptRecord, { endpointId: endpoint.id, outcome: 'failed' })), 'failed attempts while the receiver is down');

    workers[0]!.kill('SIGKILL');
    workers.push(await startWorkerProcess(h));
    await receiver.restart();

    const received = await eventually(
      async () => {
        const ids = new Set(receiver.at('/hook').map((r) => r.headers['webhook-id']));
        return ours.every((e) => ids.has(e.id)) ? receiver.at('/hook') : undefined;
      },
      'every order.released event at the receiver',
      60_000,
    );
    const webhook = new Webhook(endpoint.secret);
    for (const r of received) expect(() => webhook.verify(r.body, r.headers as Record<string, string>)).not.toThrow();
    for (const e of ours) {
      const copies = received.filter((r) => r.headers['webhook-id'] === e.id);
      expect(copies.length).toBeGreaterThanOrEqual(1);
      for (const copy of copies) expect(JSON.parse(copy.body)).toEqual(e.message);
    }
  }, 120_000);
});
