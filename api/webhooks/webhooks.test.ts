import { WorkflowNotFoundError } from '@temporalio/client';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookSettingsFromEnv } from '../../activities/webhooks/webhook-settings.ts';
import type { WebhookAttemptView, WebhookEndpointView } from '../../domain/webhook.ts';
import { WebhookEventRecord } from '../../store/webhooks/webhook-event.entity.ts';
import { createHarness, eventually, type Harness } from '../../test/sluice-harness.ts';
import { startWebhookReceiver, type Received } from '../../test/webhook-receiver.ts';
import { newWebhookEventId } from '../../store/webhooks/webhook-events.ts';
import { deliveryWorkflowId, runWebhookRelay, startWebhookDelivery } from './webhook-relay.ts';

// The receiver is on loopback, and retries come quickly here; read when the harness builds its worker and app.
process.env.SLUICE_WEBHOOKS_ALLOW_NETWORKS = '127.0.0.1';
process.env.SLUICE_WEBHOOKS_RETRY_FIRST_SECONDS = '0.2';
process.env.SLUICE_WEBHOOKS_RETRY_MAX_SECONDS = '3'; // a Retry-After asks for at most this long

type Created = WebhookEndpointView & { secret: string };

/** Webhooks end to end: the admin API, the outbox, the relay, the delivery workflow and a receiver on 127.0.0.1 that verifies signatures. */
describe('outbound webhooks', () => {
  let h: Harness;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let relay: { stop(): Promise<void> };
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    h = await createHarness({ worker: true, wipLimit: 100 });
    relay = runWebhookRelay({ store: h.store, temporal: h.client, taskQueue: h.taskQueue, settings: webhookSettingsFromEnv(), intervalMs: 100 });
  });
  afterAll(async () => {
    await relay?.stop();
    await h?.close();
    await receiver?.stop();
  });

  const admin = async <T>(path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await h.request(path, { method, role: 'admin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, body: (await res.json()) as T };
  };
  const register = async (path: string, eventTypes: string[] = ['order.released']) => {
    const res = await admin<Created>('/webhooks/endpoints', 'POST', { url: receiver.url(path), description: `receiver ${path}`, eventTypes });
    expect(res.status).toBe(201);
    return res.body;
  };
  const verified = (secret: string, r: Received) => new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as { type: string; data: Record<string, unknown> };
  const arrivals = (path: string, count: number) => eventually(async () => (receiver.at(path).length >= count ? receiver.at(path) : undefined), `${count} requests at ${path}`);
  const attempts = async (endpointId: string) => (await admin<{ attempts: WebhookAttemptView[] }>(`/webhooks/endpoints/${endpointId}/attempts`)).body.attempts;

  it('registers an endpoint, shows its secret once, and refuses what it cannot deliver to', async () => {
    const created = await register('/registered');
    expect(created.secret).toMatch(/^whsec_/);
    expect(created).toMatchObject({ enabled: true, disabledReason: null, eventTypes: ['order.released'], createdBy: 'token:test admin' });
    const { body } = await admin<{ endpoints: Record<string, unknown>[] }>('/webhooks/endpoints');
    expect(body.endpoints.find((e) => e.id === created.id)).not.toHaveProperty('secret');
    expect(JSON.stringify((await admin(`/webhooks/endpoints/${created.id}`)).body)).not.toContain(created.secret);
    for (const bad of [
      { url: 'ftp://example.com/hook', eventTypes: ['order.released'] },
      { url: 'https://user:pw@example.com/hook', eventTypes: ['order.released'] },
      { url: 'https://example.com/hook', eventTypes: ['trip.completed'] },
      { url: 'https://example.com/hook', eventTypes: [] },
    ]) expect((await admin('/webhooks/endpoints', 'POST', bad)).status, JSON.stringify(bad)).toBe(400);
  });

  it('an order released and a ruleset published reach their subscriber signed, each with the id of its stored event; no one else gets them', async () => {
    const endpoint = await register('/main', ['order.released', 'ruleset.published']);
    const other = await register('/other', ['order.cancelled']);
    const order = await h.postOrder('WH-1', 4);
    const published = await h.request('/rulesets/priority/rollback', { method: 'POST', role: 'ops_manager', body: JSON.stringify({ version: 1, note: 'webhook test' }) });
    expect(published.status).toBe(201);
    const got = await eventually(async () => {
      const messages = receiver.at('/main').map((r) => ({ id: r.headers['webhook-id'], ...verified(endpoint.secret, r) }));
      return messages.some((m) => m.type === 'order.released' && m.data.orderId === order.id) && messages.some((m) => m.type === 'ruleset.published') ? messages : undefined;
    }, 'the order released and the ruleset published at /main', 60_000);
    const released = got.find((m) => m.type === 'order.released' && m.data.orderId === order.id)!;
    expect(released.data).toMatchObject({ reference: 'WH-1', to: 'released', workAreaId: h.workAreaId });
    const stored = await h.store.em.fork().findOneOrFail(WebhookEventRecord, { id: released.id as string });
    expect(stored.type).toBe('order.released');
    expect(got.find((m) => m.type === 'ruleset.published')!.data).toMatchObject({ decisionPoint: 'priority', basedOn: 1, author: 'token:test ops_manager' });
    await eventually(async () => ((await h.store.em.fork().findOneOrFail(WebhookEventRecord, { id: stored.id })).relayedAt ? true : undefined), 'the event relayed');
    await expect(h.client.workflow.getHandle(deliveryWorkflowId(stored.id, other.id)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    expect(receiver.at('/other')).toEqual([]);
  });

  it('a failed attempt waits as long as the endpoint’s Retry-After asked, and the log shows both attempts', async () => {
    receiver.answer('/busy', (res, seen) => (seen === 1 ? res.writeHead(503, { 'retry-after': '2' }).end('busy') : res.writeHead(200).end('ok')));
    const endpoint = await register('/busy');
    const sent = await admin<{ eventId: string }>(`/webhooks/endpoints/${endpoint.id}/test`, 'POST');
    expect(sent.status).toBe(202);
    const [first, second] = await arrivals('/busy', 2);
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    const log = await eventually(async () => ((a) => (a.length >= 2 ? a : undefined))(await attempts(endpoint.id)), 'two attempts in the log');
    const [delivered, failed] = log;
    expect(failed).toMatchObject({ eventId: sent.body.eventId, eventType: 'webhook.test', outcome: 'failed', httpStatus: 503, error: 'HTTP 503', responseExcerpt: 'busy', attempt: 1 });
    expect(delivered).toMatchObject({ eventId: sent.body.eventId, outcome: 'delivered', httpStatus: 200, attempt: 2, nextAttemptAt: null });
    // The backoff alone would have tried again after 0.2 s.
    expect(Date.parse(delivered!.at) - Date.parse(failed!.at)).toBeGreaterThanOrEqual(2_000);
    expect(failed!.nextAttemptAt).toBe(new Date(Date.parse(failed!.at) + 2_000).toISOString());
  });

  it('a test event and its redelivery carry the same webhook-id', async () => {
    const endpoint = await register('/again');
    const sent = await admin<{ eventId: string }>(`/webhooks/endpoints/${endpoint.id}/test`, 'POST');
    await arrivals('/again', 1);
    const again = await admin<{ eventId: string; workflowId: string }>(`/webhooks/endpoints/${endpoint.id}/events/${sent.body.eventId}/redeliver`, 'POST');
    expect(again.status).toBe(202);
    const both = await arrivals('/again', 2);
    expect(both.map((r) => r.headers['webhook-id'])).toEqual([sent.body.eventId, sent.body.eventId]);
    expect(both.map((r) => verified(endpoint.secret, r).type)).toEqual(['webhook.test', 'webhook.test']);
    expect((await admin(`/webhooks/endpoints/${endpoint.id}/events/msg_nothing/redeliver`, 'POST')).status).toBe(404);
  });

  it('after a rotation the new secret signs, and the previous one too until it expires', async () => {
    const endpoint = await register('/rotated');
    const rotated = await admin<Created>(`/webhooks/endpoints/${endpoint.id}/rotate-secret`, 'POST', { previousSecretValidHours: 1 });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    expect(Date.parse(rotated.body.previousSecretExpiresAt!)).toBeGreaterThan(Date.now());
    await admin(`/webhooks/endpoints/${endpoint.id}/test`, 'POST');
    const [req] = await arrivals('/rotated', 1);
    expect((req!.headers['webhook-signature'] as string).split(' ')).toHaveLength(2);
    expect(verified(rotated.body.secret, req!).type).toBe('webhook.test');
    expect(verified(endpoint.secret, req!).type).toBe('webhook.test');
  });

  it('a 410 disables the endpoint at once, with the reason, and the log says the retries ended', async () => {
    receiver.answer('/gone', (res) => res.writeHead(410).end());
    const endpoint = await register('/gone');
    await admin(`/webhooks/endpoints/${endpoint.id}/test`, 'POST');
    const disabled = await eventually(async () => ((e) => (e.enabled ? undefined : e))((await admin<WebhookEndpointView>(`/webhooks/endpoints/${endpoint.id}`)).body), 'the endpoint disabled');
    expect(disabled.disabledReason).toMatch(/the endpoint answered 410 Gone\.$/);
    const log = await eventually(async () => ((a) => (a.length >= 2 ? a : undefined))(await attempts(endpoint.id)), 'the end of the retries in the log');
    expect(log.map((a) => [a.outcome, a.httpStatus])).toEqual([
      ['gave_up', null],
      ['failed', 410],
    ]);
    expect(receiver.at('/gone')).toHaveLength(1);
    const enabled = await admin<WebhookEndpointView>(`/webhooks/endpoints/${endpoint.id}`, 'PUT', { enabled: true });
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null });
  });

  it('a delivery that fails for its whole retry window ends, and the log says why', async () => {
    receiver.answer('/never', (res) => res.writeHead(500).end());
    const endpoint = await register('/never');
    const em = h.store.em.fork();
    const eventId = newWebhookEventId();
    // Relayed already, so the test's relay leaves it alone: this delivery gets a short window of its own.
    em.create(WebhookEventRecord, { id: eventId, type: 'webhook.test', message: { type: 'webhook.test', timestamp: new Date().toISOString(), data: {} }, endpointId: endpoint.id, createdAt: new Date(), relayedAt: new Date() });
    await em.flush();
    const workflowId = `${deliveryWorkflowId(eventId, endpoint.id)}-short`;
    const settings = { retry: { firstMs: 200, maxMs: 400, forMs: 5_000 }, attemptTimeoutMs: 1_000 };
    await startWebhookDelivery({ store: h.store, temporal: h.client, taskQueue: h.taskQueue, settings }, workflowId, { endpointId: endpoint.id, eventId, requested: true });
    expect(await h.client.workflow.getHandle(workflowId).result()).toBe('gave_up');
    const log = await attempts(endpoint.id);
    expect(log[0]).toMatchObject({ outcome: 'gave_up', eventId });
    // The window ends in a wait (a timeout) or, when the next wait would pass it, at the last answer.
    expect(log[0]!.error).toMatch(/timeout|HTTP 500/i);
    expect(log.slice(1).every((a) => a.outcome === 'failed' && a.httpStatus === 500)).toBe(true);
    // How many attempts fit in the window depends on the machine's load; at least one always does.
    expect(log.length).toBeGreaterThanOrEqual(2);
  });
});
