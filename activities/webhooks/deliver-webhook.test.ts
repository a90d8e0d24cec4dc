import { randomUUID } from 'node:crypto';
import type { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookAttemptRecord } from '../../store/webhooks/webhook-attempt.entity.ts';
import { WebhookEndpointRecord } from '../../store/webhooks/webhook-endpoint.entity.ts';
import { addWebhookEvent } from '../../store/webhooks/webhook-events.ts';
import { useTempStore } from '../../test/temp-store.ts';
import { startWebhookReceiver } from '../../test/webhook-receiver.ts';
import type { ActivityDeps } from '../activity-deps.ts';
import { deliverWebhookActivity } from './deliver-webhook.ts';
import { parseAllowedNetworks } from './address-guard.ts';
import { newWebhookSecret } from './signature.ts';
import type { WebhookSettings } from './webhook-settings.ts';

const HOUR = 3_600_000;
// The failures are the point here: the SDK's warning for each would drown the output.
const quiet = new DefaultLogger('ERROR');
const settings: WebhookSettings = {
  retry: { firstMs: 30_000, maxMs: 6 * HOUR, forMs: 72 * HOUR },
  attemptTimeoutMs: 1_000,
  maxResponseBytes: 64,
  disableAfterMs: 5 * 24 * HOUR,
  allowPrivate: parseAllowedNetworks('127.0.0.1'),
};

/** One attempt of the delivery activity against a receiver on 127.0.0.1, with a clock the test moves. */
describe('a webhook delivery attempt', () => {
  const store = useTempStore();
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let now = new Date();
  const deps = () => ({ store: store(), clock: () => now }) as unknown as ActivityDeps;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.stop());

  const endpoint = async (path: string, extra: Partial<WebhookEndpointRecord> = {}) => {
    const em = store().em.fork();
    const record = em.create(WebhookEndpointRecord, { id: randomUUID(), url: receiver.url(path), description: '', eventTypes: ['order.released'], enabled: true, disabledReason: null, secret: newWebhookSecret(), previousSecret: null, previousSecretExpiresAt: null, failingSince: null, createdBy: 'test', createdAt: now, ...extra });
    const eventId = addWebhookEvent(em, 'order.released', { orderId: 'o-1' }, now);
    await em.flush();
    return { record, eventId };
  };
  const attempt = async (endpointId: string, eventId: string, options: { attempt?: number; settings?: WebhookSettings; requested?: boolean } = {}) => {
    const run = deliverWebhookActivity(deps(), options.settings ?? settings);
    return new MockActivityEnvironment({ attempt: options.attempt ?? 1, scheduledTimestampMs: now.getTime() }, { logger: quiet }).run(run, { endpointId, eventId, requested: options.requested ?? false }).then(
      (outcome) => ({ outcome, failure: undefined }),
      (failure: unknown) => ({ outcome: undefined, failure: failure as ApplicationFailure }),
    );
  };
  const stored = (id: string) => store().em.fork().findOneOrFail(WebhookEndpointRecord, { id });
  const log = (endpointId: string) => store().em.fork().find(WebhookAttemptRecord, { endpointId }, { orderBy: { at: 'asc', attempt: 'asc' } });

  it('a 2xx delivers it, signed, and the log says so', async () => {
    const { record, eventId } = await endpoint('/ok');
    expect(await attempt(record.id, eventId)).toEqual({ outcome: 'delivered', failure: undefined });
    const [req] = receiver.at('/ok');
    expect(req!.headers['webhook-id']).toBe(eventId);
    expect(() => new Webhook(record.secret).verify(req!.body, req!.headers as Record<string, string>)).not.toThrow();
    expect(await log(record.id)).toMatchObject([{ eventId, outcome: 'delivered', httpStatus: 204, attempt: 1, nextAttemptAt: null }]);
  });

  it('a failure is retried after the backoff, or after the Retry-After the endpoint asked for', async () => {
    receiver.answer('/busy', (res) => res.writeHead(503, { 'retry-after': '120' }).end('come back later'));
    receiver.answer('/broken', (res) => res.writeHead(500).end('x'.repeat(1_000)));
    const busy = await endpoint('/busy');
    const broken = await endpoint('/broken');
    const asked = await attempt(busy.record.id, busy.eventId);
    expect(asked.failure).toMatchObject({ type: 'WebhookDeliveryFailed', nonRetryable: false, nextRetryDelay: 120_000 });
    const backoff = await attempt(broken.record.id, broken.eventId, { attempt: 3 });
    expect(backoff.failure).toMatchObject({ message: 'HTTP 500', nextRetryDelay: 120_000 });
    const [entry] = await log(broken.record.id);
    expect(entry).toMatchObject({ outcome: 'failed', httpStatus: 500, attempt: 3, nextAttemptAt: new Date(now.getTime() + 120_000) });
    expect(entry!.responseExcerpt).toHaveLength(settings.maxResponseBytes);
    expect((await stored(broken.record.id)).failingSince).toEqual(now);
  });

  it('a redirect is a failure, and is not followed', async () => {
    receiver.answer('/moved', (res) => res.writeHead(302, { location: receiver.url('/elsewhere') }).end());
    const { record, eventId } = await endpoint('/moved');
    expect((await attempt(record.id, eventId)).failure?.message).toBe('HTTP 302: redirects are not followed');
    expect(receiver.at('/elsewhere')).toEqual([]);
  });

  it('an endpoint that does not answer in time fails the attempt', async () => {
    receiver.answer('/slow', () => {});
    const { record, eventId } = await endpoint('/slow');
    expect((await attempt(record.id, eventId)).failure?.message).toBe(`no answer within ${settings.attemptTimeoutMs} ms`);
  });

  it('a private address is refused unless the configuration allows it', async () => {
    const { record, eventId } = await endpoint('/private');
    const refused = await attempt(record.id, eventId, { settings: { ...settings, allowPrivate: null } });
    expect(refused.failure?.message).toMatch(/^127\.0\.0\.1 is a private, loopback or reserved address/);
    expect(receiver.at('/private')).toEqual([]);
  });

  it('a 410 disables the endpoint at once, with the reason, and ends the retries', async () => {
    receiver.answer('/gone', (res) => res.writeHead(410).end());
    const { record, eventId } = await endpoint('/gone');
    expect((await attempt(record.id, eventId)).failure).toMatchObject({ type: 'WebhookEndpointGone', nonRetryable: true });
    expect(await stored(record.id)).toMatchObject({ enabled: false, disabledReason: `Disabled at ${now.toISOString()}: the endpoint answered 410 Gone.` });
    expect(await attempt(record.id, eventId)).toEqual({ outcome: 'skipped', failure: undefined });
    expect((await attempt(record.id, eventId, { requested: true })).failure?.type).toBe('WebhookEndpointGone');
  });

  it('an endpoint whose every attempt fails for the configured time is disabled', async () => {
    receiver.answer('/down', (res) => res.writeHead(502).end());
    const { record, eventId } = await endpoint('/down');
    const start = now;
    expect((await attempt(record.id, eventId)).failure?.nonRetryable).toBe(false);
    now = new Date(start.getTime() + settings.disableAfterMs - 1);
    expect((await attempt(record.id, eventId, { attempt: 2 })).failure?.nonRetryable).toBe(false);
    now = new Date(start.getTime() + settings.disableAfterMs);
    expect((await attempt(record.id, eventId, { attempt: 3 })).failure).toMatchObject({ type: 'WebhookEndpointFailing', nonRetryable: true });
    expect((await stored(record.id)).disabledReason).toBe(`Disabled at ${now.toISOString()}: every delivery attempt has failed since ${start.toISOString()}.`);
  });

  it('a success in between starts the count afresh', async () => {
    let fail = true;
    receiver.answer('/sometimes', (res) => res.writeHead(fail ? 500 : 200).end());
    const { record, eventId } = await endpoint('/sometimes');
    await attempt(record.id, eventId);
    fail = false;
    expect((await attempt(record.id, eventId)).outcome).toBe('delivered');
    expect((await stored(record.id)).failingSince).toBeNull();
  });
});
