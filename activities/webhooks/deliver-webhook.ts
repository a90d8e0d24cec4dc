import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { EntityManager } from '@mikro-orm/sql';
import type { WebhookAttemptView } from '../../domain/webhook.ts';
import { WebhookAttemptRecord } from '../../store/webhooks/webhook-attempt.entity.ts';
import { WebhookEndpointRecord } from '../../store/webhooks/webhook-endpoint.entity.ts';
import { WebhookEventRecord } from '../../store/webhooks/webhook-event.entity.ts';
import type { ActivityDeps } from '../activity-deps.ts';
import { postWebhook, type PostResult } from './post-webhook.ts';
import { retryAfterMs } from './retry-after.ts';
import { secretsInUse, webhookSignature } from './signature.ts';
import { backoffMs, type WebhookSettings } from './webhook-settings.ts';

export interface WebhookDeliveryInput {
  endpointId: string;
  eventId: string;
  /** Asked for by an admin (a test event, a redelivery): sent even to a disabled endpoint. */
  requested: boolean;
}

type Attempt = Omit<WebhookAttemptView, 'at' | 'nextAttemptAt'> & { at: Date; nextAttemptAt: Date | null };

export function recordAttempt(em: EntityManager, endpointId: string, attempt: Attempt): Promise<void> {
  em.create(WebhookAttemptRecord, { id: randomUUID(), endpointId, ...attempt });
  return em.flush();
}

const disable = (em: EntityManager, id: string, reason: string) => em.nativeUpdate(WebhookEndpointRecord, { id, enabled: true }, { enabled: false, disabledReason: reason });

/**
 * One attempt to deliver an event to an endpoint, signed per Standard Webhooks. A 2xx delivers it. A 410
 * disables the endpoint; so does failing for `disableAfterMs` without a success; both end the retries.
 * Any other answer, or none, is retried by Temporal after the `Retry-After` the endpoint asked for, else
 * after the backoff of the delivery's retry policy; every attempt goes to the delivery log.
 */
export function deliverWebhookActivity(deps: ActivityDeps, settings: WebhookSettings) {
  return async function deliverWebhook(input: WebhookDeliveryInput): Promise<'delivered' | 'skipped'> {
    const em = deps.store.em.fork();
    const endpoint = await em.findOne(WebhookEndpointRecord, { id: input.endpointId });
    if (!endpoint || (!endpoint.enabled && !input.requested)) return 'skipped';
    const event = await em.findOne(WebhookEventRecord, { id: input.eventId });
    if (!event) throw ApplicationFailure.nonRetryable(`webhook event ${input.eventId} is not in the store`, 'WebhookEventNotFound');

    const now = deps.clock();
    const body = JSON.stringify(event.message);
    const timestamp = Math.floor(now.getTime() / 1_000);
    const headers = { 'webhook-id': event.id, 'webhook-timestamp': String(timestamp), 'webhook-signature': webhookSignature(secretsInUse(endpoint, now), event.id, timestamp, body) };
    const started = performance.now();
    let result: PostResult | null = null;
    let error: string | null = null;
    try {
      result = await postWebhook(new URL(endpoint.url), headers, body, { timeoutMs: settings.attemptTimeoutMs, maxResponseBytes: settings.maxResponseBytes, allowPrivate: settings.allowPrivate });
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const info = Context.current().info;
    const base = { eventId: event.id, eventType: event.type, attempt: info.attempt, at: now, httpStatus: result?.status ?? null, durationMs: Math.round(performance.now() - started), responseExcerpt: result?.excerpt ?? null };

    if (result && result.status >= 200 && result.status < 300) {
      await recordAttempt(em, endpoint.id, { ...base, outcome: 'delivered', error: null, nextAttemptAt: null });
      await em.nativeUpdate(WebhookEndpointRecord, { id: endpoint.id, failingSince: { $ne: null } }, { failingSince: null });
      return 'delivered';
    }
    const failure = error ?? (result!.status >= 300 && result!.status < 400 ? `HTTP ${result!.status}: redirects are not followed` : `HTTP ${result!.status}`);
    const end = async (reason: string, type: string): Promise<never> => {
      await disable(em, endpoint.id, reason);
      await recordAttempt(em, endpoint.id, { ...base, outcome: 'failed', error: failure, nextAttemptAt: null });
      throw ApplicationFailure.nonRetryable(reason, type);
    };
    if (result?.status === 410) return end(`Disabled at ${now.toISOString()}: the endpoint answered 410 Gone.`, 'WebhookEndpointGone');
    await em.nativeUpdate(WebhookEndpointRecord, { id: endpoint.id, failingSince: null }, { failingSince: now });
    const failingSince = (await em.fork().findOne(WebhookEndpointRecord, { id: endpoint.id }))?.failingSince ?? now;
    if (now.getTime() - failingSince.getTime() >= settings.disableAfterMs) {
      return end(`Disabled at ${now.toISOString()}: every delivery attempt has failed since ${failingSince.toISOString()}.`, 'WebhookEndpointFailing');
    }
    const delay = retryAfterMs(result?.retryAfter, now, settings.retry.maxMs) ?? backoffMs(settings.retry, info.attempt);
    const next = now.getTime() + delay;
    const last = info.scheduledTimestampMs + settings.retry.forMs;
    await recordAttempt(em, endpoint.id, { ...base, outcome: 'failed', error: failure, nextAttemptAt: next < last ? new Date(next) : null });
    throw ApplicationFailure.create({ message: failure, type: 'WebhookDeliveryFailed', nextRetryDelay: delay });
  };
}

/** Notes in the delivery log that the event's retries are over, with why. */
export function webhookGaveUpActivity(deps: ActivityDeps) {
  return async function webhookGaveUp(input: WebhookDeliveryInput & { reason: string }): Promise<void> {
    const em = deps.store.em.fork();
    const event = await em.findOne(WebhookEventRecord, { id: input.eventId }, { fields: ['type'] });
    const attempts = await em.count(WebhookAttemptRecord, { endpointId: input.endpointId, eventId: input.eventId, outcome: 'failed' });
    await recordAttempt(em, input.endpointId, { eventId: input.eventId, eventType: event?.type ?? 'unknown', attempt: attempts, at: deps.clock(), outcome: 'gave_up', httpStatus: null, durationMs: 0, error: input.reason, responseExcerpt: null, nextAttemptAt: null });
  };
}
