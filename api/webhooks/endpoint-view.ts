import type { WebhookEndpointView } from '../../domain/webhook.ts';
import type { WebhookEndpointRecord } from '../../store/webhooks/webhook-endpoint.entity.ts';

/** An endpoint as the API shows it: never its secrets. */
export function toEndpointView(r: WebhookEndpointRecord): WebhookEndpointView {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    eventTypes: r.eventTypes,
    enabled: r.enabled,
    disabledReason: r.disabledReason ?? null,
    failingSince: r.failingSince?.toISOString() ?? null,
    previousSecretExpiresAt: r.previousSecretExpiresAt?.toISOString() ?? null,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  };
}
