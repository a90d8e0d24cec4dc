import type { ActivityDeps } from '../activity-deps.ts';
import { deliverWebhookActivity, webhookGaveUpActivity } from './deliver-webhook.ts';
import { webhookSettingsFromEnv } from './webhook-settings.ts';

export function createWebhookActivities(deps: ActivityDeps, settings = webhookSettingsFromEnv()) {
  return {
    deliverWebhook: deliverWebhookActivity(deps, settings),
    webhookGaveUp: webhookGaveUpActivity(deps),
  };
}

export type WebhookActivities = ReturnType<typeof createWebhookActivities>;
export type { WebhookDeliveryInput } from './deliver-webhook.ts';
