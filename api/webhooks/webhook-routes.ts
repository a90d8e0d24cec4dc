import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { newWebhookSecret } from '../../activities/webhooks/signature.ts';
import { webhookSettingsFromEnv } from '../../activities/webhooks/webhook-settings.ts';
import {
  createWebhookEndpointRequest,
  rotateSecretRequest,
  TEST_EVENT_TYPE,
  updateWebhookEndpointRequest,
  WEBHOOK_EVENT_TYPES,
  webhookAttemptView,
  webhookEndpointView,
  webhookEndpointWithSecret,
  webhookEventAccepted,
} from '../../domain/webhook.ts';
import { appendAudit } from '../../store/audit-log.ts';
import { WebhookAttemptRecord } from '../../store/webhooks/webhook-attempt.entity.ts';
import { WebhookEndpointRecord } from '../../store/webhooks/webhook-endpoint.entity.ts';
import { WebhookEventRecord } from '../../store/webhooks/webhook-event.entity.ts';
import { addWebhookEvent } from '../../store/webhooks/webhook-events.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { notFound } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, pathId, STANDARD_ERRORS } from '../schemas.ts';
import { withTemporal } from '../temporal-gate.ts';
import { deliveryWorkflowId, relayWebhookEvents, startWebhookDelivery } from './webhook-relay.ts';
import { toEndpointView } from './endpoint-view.ts';
import { log } from '../../logging/logger.ts';

const NOT_FOUND = { 404: { description: 'No such endpoint (or event).', schema: errorBody } };
const attemptsQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), eventId: pathId.optional() });

export function webhookRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  const settings = webhookSettingsFromEnv();
  const relay = { store: deps.store, temporal: deps.temporal, taskQueue: deps.taskQueue, settings };
  const endpointOrFail = async (tx: ReturnType<typeof em>, id: string) => (await tx.findOne(WebhookEndpointRecord, { id })) ?? Promise.reject(notFound(`Webhook endpoint ${id}`));
  const base = { tag: 'Webhooks', access: 'webhooks.manage' } as const;
  const audit = (tx: ReturnType<typeof em>, id: string, action: string, actor: string, data: Record<string, unknown>) =>
    appendAudit(tx, { dedupeKey: `${action}:${id}:${randomUUID()}`, subjectType: 'webhook_endpoint', subjectId: id, action, actor, data });

  return [
    defineRoute({
      ...base,
      method: 'get',
      path: '/webhooks/event-types',
      operationId: 'listWebhookEventTypes',
      summary: 'Listing webhook event types',
      responses: { 200: { description: 'The event types an endpoint may subscribe to.', schema: z.object({ eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)) }) }, ...STANDARD_ERRORS },
      handler: (c) => c.json({ eventTypes: [...WEBHOOK_EVENT_TYPES] }),
    }),
    defineRoute({
      ...base,
      method: 'get',
      path: '/webhooks/endpoints',
      operationId: 'listWebhookEndpoints',
      summary: 'Listing webhook endpoints',
      responses: { 200: { description: 'Every endpoint, newest first; never a secret.', schema: z.object({ endpoints: z.array(webhookEndpointView) }) }, ...STANDARD_ERRORS },
      handler: async (c) => c.json({ endpoints: (await em().findAll(WebhookEndpointRecord, { orderBy: { createdAt: 'desc', id: 'asc' } })).map(toEndpointView) }),
    }),
    defineRoute({
      ...base,
      method: 'post',
      path: '/webhooks/endpoints',
      operationId: 'createWebhookEndpoint',
      summary: 'Registering webhook endpoints',
      body: createWebhookEndpointRequest,
      responses: { 201: { description: 'Registered. `secret` is shown this once: keep it to verify signatures.', schema: webhookEndpointWithSecret }, ...STANDARD_ERRORS },
      handler: async (c, { body, principal }) => {
        const tx = em();
        const secret = newWebhookSecret();
        const record = tx.create(WebhookEndpointRecord, {
          id: randomUUID(),
          url: body.url,
          description: body.description,
          eventTypes: body.eventTypes,
          enabled: body.enabled,
          disabledReason: null,
          secret,
          previousSecret: null,
          previousSecretExpiresAt: null,
          failingSince: null,
          createdBy: actorOf(principal),
          createdAt: new Date(),
        });
        audit(tx, record.id, 'webhook_created', actorOf(principal), { url: body.url, eventTypes: body.eventTypes });
        await tx.flush();
        return c.json({ ...toEndpointView(record), secret }, 201);
      },
    }),
    defineRoute({
      ...base,
      method: 'get',
      path: '/webhooks/endpoints/:id',
      operationId: 'getWebhookEndpoint',
      summary: 'Reading webhook endpoints',
      params: idParams,
      responses: { 200: { description: 'The endpoint; never its secret.', schema: webhookEndpointView }, ...NOT_FOUND, ...STANDARD_ERRORS },
      handler: async (c, { params }) => c.json(toEndpointView(await endpointOrFail(em(), params.id))),
    }),
    defineRoute({
      ...base,
      method: 'put',
      path: '/webhooks/endpoints/:id',
      operationId: 'updateWebhookEndpoint',
      summary: 'Changing webhook endpoints',
      params: idParams,
      body: updateWebhookEndpointRequest,
      responses: { 200: { description: 'Changed. Enabling clears the reason it was disabled.', schema: webhookEndpointView }, ...NOT_FOUND, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => {
        const tx = em();
        const record = await endpointOrFail(tx, params.id);
        if (body.url !== undefined) record.url = body.url;
        if (body.description !== undefined) record.description = body.description;
        if (body.eventTypes !== undefined) record.eventTypes = body.eventTypes;
        if (body.enabled !== undefined && body.enabled !== record.enabled) {
          record.enabled = body.enabled;
          record.disabledReason = body.enabled ? null : `Disabled by ${actorOf(principal)}.`;
          record.failingSince = null;
        }
        audit(tx, record.id, 'webhook_changed', actorOf(principal), { ...body });
        await tx.flush();
        return c.json(toEndpointView(record));
      },
    }),
    defineRoute({
      ...base,
      method: 'delete',
      path: '/webhooks/endpoints/:id',
      operationId: 'deleteWebhookEndpoint',
      summary: 'Deleting webhook endpoints',
      params: idParams,
      responses: { 200: { description: 'Deleted: deliveries under way stop at their next attempt.', schema: webhookEndpointView }, ...NOT_FOUND, ...STANDARD_ERRORS },
      handler: async (c, { params, principal }) => {
        const tx = em();
        const record = await endpointOrFail(tx, params.id);
        const view = toEndpointView(record);
        tx.remove(record);
        audit(tx, record.id, 'webhook_deleted', actorOf(principal), { url: record.url });
        await tx.flush();
        return c.json(view);
      },
    }),
    defineRoute({
      ...base,
      method: 'post',
      path: '/webhooks/endpoints/:id/rotate-secret',
      operationId: 'rotateWebhookSecret',
      summary: 'Rotating webhook secrets',
      params: idParams,
      body: rotateSecretRequest,
      responses: {
        200: { description: 'The new secret, shown this once; it signs from now on, and the previous one signs beside it until `previousSecretExpiresAt`.', schema: webhookEndpointWithSecret },
        ...NOT_FOUND,
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params, body, principal }) => {
        const tx = em();
        const record = await endpointOrFail(tx, params.id);
        const secret = newWebhookSecret();
        const hours = body.previousSecretValidHours;
        record.previousSecret = hours > 0 ? record.secret : null;
        record.previousSecretExpiresAt = hours > 0 ? new Date(Date.now() + hours * 3_600_000) : null;
        record.secret = secret;
        audit(tx, record.id, 'webhook_secret_rotated', actorOf(principal), { previousSecretValidHours: hours });
        await tx.flush();
        return c.json({ ...toEndpointView(record), secret });
      },
    }),
    defineRoute({
      ...base,
      method: 'get',
      path: '/webhooks/endpoints/:id/attempts',
      operationId: 'listWebhookAttempts',
      summary: 'Reading the webhook delivery log',
      params: idParams,
      query: attemptsQuery,
      responses: {
        200: { description: 'The latest attempts, newest first: outcome, status, duration, the start of the answer, the next attempt.', schema: z.object({ attempts: z.array(webhookAttemptView) }) },
        ...NOT_FOUND,
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params, query }) => {
        const tx = em();
        await endpointOrFail(tx, params.id);
        const rows = await tx.find(WebhookAttemptRecord, { endpointId: params.id, ...(query.eventId ? { eventId: query.eventId } : {}) }, { orderBy: { at: 'desc', attempt: 'desc' }, limit: query.limit });
        const attempts = rows.map((r) => ({
          eventId: r.eventId,
          eventType: r.eventType,
          attempt: r.attempt,
          at: r.at.toISOString(),
          outcome: r.outcome,
          httpStatus: r.httpStatus ?? null,
          durationMs: r.durationMs,
          error: r.error ?? null,
          responseExcerpt: r.responseExcerpt ?? null,
          nextAttemptAt: r.nextAttemptAt?.toISOString() ?? null,
        }));
        return c.json({ attempts });
      },
    }),
    defineRoute({
      ...base,
      method: 'post',
      path: '/webhooks/endpoints/:id/test',
      operationId: 'sendWebhookTestEvent',
      summary: 'Sending webhook test events',
      params: idParams,
      responses: {
        202: { description: `A \`${TEST_EVENT_TYPE}\` event is on its way to this endpoint (even a disabled one); the delivery log shows how it went.`, schema: webhookEventAccepted },
        ...NOT_FOUND,
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params, principal }) => {
        const tx = em();
        const record = await endpointOrFail(tx, params.id);
        const eventId = addWebhookEvent(tx, TEST_EVENT_TYPE, { endpointId: record.id, requestedBy: actorOf(principal) }, new Date(), record.id);
        await tx.flush();
        // Started now if it can be; else the workers' relay starts it.
        await relayWebhookEvents(relay).catch((err: unknown) => log.warn({ err }, 'starting the test delivery failed; the workers will'));
        return c.json({ eventId, workflowId: deliveryWorkflowId(eventId, record.id) }, 202);
      },
    }),
    defineRoute({
      ...base,
      method: 'post',
      path: '/webhooks/endpoints/:id/events/:eventId/redeliver',
      operationId: 'redeliverWebhookEvent',
      summary: 'Redelivering webhook events',
      params: z.object({ id: pathId, eventId: pathId }),
      responses: {
        202: { description: 'Delivered again, with the same `webhook-id`, with retries as the first time (even to a disabled endpoint).', schema: webhookEventAccepted },
        ...NOT_FOUND,
        503: { description: 'Temporal cannot be reached, so nothing was started: try again later.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params }) => {
        const tx = em();
        const record = await endpointOrFail(tx, params.id);
        if (!(await tx.findOne(WebhookEventRecord, { id: params.eventId }, { fields: ['id'] }))) throw notFound(`Webhook event ${params.eventId}`);
        const workflowId = `${deliveryWorkflowId(params.eventId, record.id)}-redelivery-${randomUUID()}`;
        await withTemporal(deps.temporal, 'Redelivering an event', () => startWebhookDelivery(relay, workflowId, { endpointId: record.id, eventId: params.eventId, requested: true }));
        return c.json({ eventId: params.eventId, workflowId }, 202);
      },
    }),
  ];
}
