import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { WebhookMessage } from '../../domain/webhook.ts';

/**
 * An event for webhooks, written in the transaction of the change it announces; its id is the
 * `webhook-id` every delivery of it carries. `relayedAt` is set once its deliveries are started;
 * `endpointId` names the one endpoint of a test event.
 */
export const WebhookEventRecord = defineEntity({
  name: 'WebhookEventRecord',
  tableName: 'webhook_events',
  indexes: [{ properties: ['relayedAt', 'createdAt'] }],
  properties: {
    id: p.string().primary(),
    type: p.string(),
    message: p.json<WebhookMessage>(),
    endpointId: p.string().nullable(),
    createdAt: p.datetime(),
    relayedAt: p.datetime().nullable(),
  },
});
export type WebhookEventRecord = InferEntity<typeof WebhookEventRecord>;
