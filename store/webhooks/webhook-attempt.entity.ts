import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { WebhookAttemptView } from '../../domain/webhook.ts';

/** One HTTP attempt to deliver an event to an endpoint, or the end of its retries: the delivery log. */
export const WebhookAttemptRecord = defineEntity({
  name: 'WebhookAttemptRecord',
  tableName: 'webhook_attempts',
  indexes: [{ properties: ['endpointId', 'at'] }],
  properties: {
    id: p.string().primary(),
    endpointId: p.string(),
    eventId: p.string(),
    eventType: p.string(),
    attempt: p.integer(),
    at: p.datetime(),
    outcome: p.string().$type<WebhookAttemptView['outcome']>(),
    httpStatus: p.integer().nullable(),
    durationMs: p.integer(),
    error: p.text().nullable(),
    responseExcerpt: p.text().nullable(),
    nextAttemptAt: p.datetime().nullable(),
  },
});
export type WebhookAttemptRecord = InferEntity<typeof WebhookAttemptRecord>;
