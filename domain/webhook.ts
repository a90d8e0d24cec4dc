import { z } from 'zod';
import type { OrderState } from './order.ts';
import { paragraph } from './text.ts';

/**
 * The events an endpoint may subscribe to: each is emitted today. An order's event is its entry into the
 * state; `ruleset.published` is any publication (rollbacks included).
 */
export const WEBHOOK_EVENT_TYPES = [
  'order.released',
  'order.escalated',
  'order.delivered',
  'order.completed',
  'order.returned',
  'order.cancelled',
  'order.closed',
  'ruleset.published',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent to one endpoint on request, never to a subscription. */
export const TEST_EVENT_TYPE = 'webhook.test';

export const ORDER_STATE_EVENTS: Partial<Record<OrderState, WebhookEventType>> = {
  released: 'order.released',
  escalated: 'order.escalated',
  delivered: 'order.delivered',
  completed: 'order.completed',
  returned: 'order.returned',
  cancelled: 'order.cancelled',
  closed: 'order.closed',
};

export const URL_MAX = 2_000;
const webhookUrl = z
  .url({ protocol: /^https?$/, hostname: z.regexes.hostname, error: 'an http:// or https:// address' })
  .max(URL_MAX, `at most ${URL_MAX} characters`)
  .refine((u) => !new URL(u).username && !new URL(u).password, 'no user name or password in the address: the signature authenticates Sluice');
const eventTypes = z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, 'subscribe to at least one event type').max(WEBHOOK_EVENT_TYPES.length);

export const createWebhookEndpointRequest = z.strictObject({
  url: webhookUrl,
  description: paragraph(500).default(''),
  eventTypes,
  enabled: z.boolean().default(true),
});
export type CreateWebhookEndpointRequest = z.infer<typeof createWebhookEndpointRequest>;

/** Enabling an endpoint again clears the reason it was disabled and starts counting failures afresh. */
export const updateWebhookEndpointRequest = z.strictObject({
  url: webhookUrl.optional(),
  description: paragraph(500).optional(),
  eventTypes: eventTypes.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateWebhookEndpointRequest = z.infer<typeof updateWebhookEndpointRequest>;

export const MAX_PREVIOUS_SECRET_HOURS = 168;
export const rotateSecretRequest = z.strictObject({
  /** How long the previous secret keeps signing beside the new one, while receivers switch. */
  previousSecretValidHours: z.number().min(0).max(MAX_PREVIOUS_SECRET_HOURS).default(24),
});

export const webhookEndpointView = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  enabled: z.boolean(),
  /** Why Sluice disabled it (410 Gone, sustained failure), or null. */
  disabledReason: z.string().nullable(),
  /** Since when every attempt has failed, or null after a success. */
  failingSince: z.string().nullable(),
  /** Until when the previous secret signs too, after a rotation. */
  previousSecretExpiresAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type WebhookEndpointView = z.infer<typeof webhookEndpointView>;

/** The secret is shown this once: at creation and at rotation. */
export const webhookEndpointWithSecret = webhookEndpointView.extend({ secret: z.string() });

export const WEBHOOK_ATTEMPT_OUTCOMES = ['delivered', 'failed', 'gave_up'] as const;
export const webhookAttemptView = z.object({
  eventId: z.string(),
  eventType: z.string(),
  attempt: z.number().int(),
  at: z.string(),
  outcome: z.enum(WEBHOOK_ATTEMPT_OUTCOMES),
  httpStatus: z.number().int().nullable(),
  durationMs: z.number().int(),
  error: z.string().nullable(),
  responseExcerpt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type WebhookAttemptView = z.infer<typeof webhookAttemptView>;

export const webhookEventAccepted = z.object({ eventId: z.string(), workflowId: z.string() });

/** What a receiver gets as the body: Standard Webhooks' `type`, `timestamp`, `data`. */
export interface WebhookMessage {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}
