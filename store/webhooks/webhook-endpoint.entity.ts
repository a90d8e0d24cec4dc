import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { WebhookEventType } from '../../domain/webhook.ts';

/**
 * An admin's receiver of events. The secrets are kept as they are, not hashed: Sluice signs with them.
 * After a rotation the previous secret signs too until it expires.
 */
export const WebhookEndpointRecord = defineEntity({
  name: 'WebhookEndpointRecord',
  tableName: 'webhook_endpoints',
  properties: {
    id: p.string().primary(),
    url: p.text(),
    description: p.text(),
    eventTypes: p.json<WebhookEventType[]>(),
    enabled: p.boolean(),
    disabledReason: p.text().nullable(),
    secret: p.string(),
    previousSecret: p.string().nullable(),
    previousSecretExpiresAt: p.datetime().nullable(),
    failingSince: p.datetime().nullable(),
    createdBy: p.string(),
    createdAt: p.datetime(),
  },
});
export type WebhookEndpointRecord = InferEntity<typeof WebhookEndpointRecord>;
