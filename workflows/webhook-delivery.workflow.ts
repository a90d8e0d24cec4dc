import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { WebhookActivities, WebhookDeliveryInput } from '../activities/webhooks/index.ts';
import type { RetrySchedule } from '../activities/webhooks/webhook-settings.ts';

export interface WebhookDeliveryWorkflowInput extends WebhookDeliveryInput {
  retry: RetrySchedule;
  attemptTimeoutMs: number;
}

const { webhookGaveUp } = proxyActivities<WebhookActivities>({ startToCloseTimeout: '1 minute' });

/**
 * Delivers one event to one endpoint. The retries are Temporal's: exponential backoff for as long as the
 * schedule says (days), each attempt waiting as long as the endpoint's `Retry-After` asked when it did
 * (the activity's failure carries that delay). A worker that dies mid-attempt is retried the same way.
 */
export async function webhookDeliveryWorkflow(input: WebhookDeliveryWorkflowInput): Promise<'delivered' | 'skipped' | 'gave_up'> {
  const { deliverWebhook } = proxyActivities<WebhookActivities>({
    // Room past the HTTP timeout for the store's reads and writes around it.
    startToCloseTimeout: input.attemptTimeoutMs + 30_000,
    scheduleToCloseTimeout: input.retry.forMs,
    retry: { initialInterval: input.retry.firstMs, backoffCoefficient: 2, maximumInterval: input.retry.maxMs },
  });
  const { endpointId, eventId, requested } = input;
  try {
    return await deliverWebhook({ endpointId, eventId, requested });
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    await webhookGaveUp({ endpointId, eventId, requested, reason: err.cause?.message ?? err.message });
    return 'gave_up';
  }
}
