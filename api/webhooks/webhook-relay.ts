import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import type { WebhookSettings } from '../../activities/webhooks/webhook-settings.ts';
import type { Store } from '../../store/open-store.ts';
import { WebhookEndpointRecord } from '../../store/webhooks/webhook-endpoint.entity.ts';
import { markWebhookEventsRelayed, unrelayedWebhookEvents } from '../../store/webhooks/webhook-events.ts';
import type { webhookDeliveryWorkflow } from '../../workflows/webhook-delivery.workflow.ts';
import { repeatUntilStopped } from '../repeat-until-stopped.ts';
import { log } from '../../logging/logger.ts';

/*
 * Starts a delivery workflow per event and subscribed endpoint for every event the store holds unrelayed,
 * then marks the event relayed. The workflow is named by the event and the endpoint, so a relay that dies
 * between starting and marking, or two relays at once, start each delivery once.
 */

const BATCH = 100;

export interface WebhookRelayOptions {
  store: Store;
  temporal: Client;
  taskQueue: string;
  settings: Pick<WebhookSettings, 'retry' | 'attemptTimeoutMs'>;
}

export const deliveryWorkflowId = (eventId: string, endpointId: string) => `webhook-${eventId}-${endpointId}`;

/** Starts one delivery; a second start of the same workflow id finds it started and does nothing. */
export async function startWebhookDelivery(options: WebhookRelayOptions, workflowId: string, delivery: { endpointId: string; eventId: string; requested: boolean }): Promise<void> {
  try {
    await options.temporal.workflow.start<typeof webhookDeliveryWorkflow>('webhookDeliveryWorkflow', {
      workflowId,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      taskQueue: options.taskQueue,
      args: [{ ...delivery, retry: options.settings.retry, attemptTimeoutMs: options.settings.attemptTimeoutMs }],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/** Relays every event pending, oldest first; answers how many. Stops at the first start that fails, leaving its batch unmarked. */
export async function relayWebhookEvents(options: WebhookRelayOptions): Promise<number> {
  const em = options.store.em.fork();
  let relayed = 0;
  for (;;) {
    const pending = await unrelayedWebhookEvents(em, BATCH);
    if (pending.length === 0) return relayed;
    const endpoints = await em.find(WebhookEndpointRecord, { enabled: true }, { fields: ['id', 'eventTypes'] });
    for (const event of pending) {
      const targets = event.endpointId ? [event.endpointId] : endpoints.filter((e) => (e.eventTypes as string[]).includes(event.type)).map((e) => e.id);
      for (const endpointId of targets) await startWebhookDelivery(options, deliveryWorkflowId(event.id, endpointId), { endpointId, eventId: event.id, requested: event.endpointId !== null });
    }
    // Marked together once every delivery of the batch has started: a pass that fails part way starts the
    // batch again, and the deliveries already started are found started.
    await markWebhookEventsRelayed(em, pending.map((e) => e.id));
    relayed += pending.length;
    if (pending.length < BATCH) return relayed;
  }
}

/** Relays at once and then every `intervalMs` until stopped; a failed pass (Temporal down) is logged and tried again. */
export function runWebhookRelay(options: WebhookRelayOptions & { intervalMs?: number }): { stop(): Promise<void> } {
  return repeatUntilStopped(
    async () => void (await relayWebhookEvents(options)),
    options.intervalMs ?? 2_000,
    (err) => log.warn({ err }, 'starting webhook deliveries failed; trying again later'),
  );
}
