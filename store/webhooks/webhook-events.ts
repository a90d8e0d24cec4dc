import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import type { WebhookMessage } from '../../domain/webhook.ts';
import { WebhookEventRecord } from './webhook-event.entity.ts';

export interface PendingWebhookEvent {
  id: string;
  type: string;
  endpointId: string | null;
}

/** Standard Webhooks' `msg_` ids: unique per event, kept by every delivery and redelivery of it. */
export const newWebhookEventId = () => `msg_${randomUUID().replaceAll('-', '')}`;

/**
 * Adds the event to `em`'s unit of work, so it commits with the change it announces or not at all.
 * `endpointId` sends it to that endpoint only (a test event) instead of every subscriber.
 */
export function addWebhookEvent(em: EntityManager, type: string, data: Record<string, unknown>, now: Date, endpointId: string | null = null): string {
  const id = newWebhookEventId();
  const message: WebhookMessage = { type, timestamp: now.toISOString(), data };
  em.create(WebhookEventRecord, { id, type, message, endpointId, createdAt: now, relayedAt: null });
  return id;
}

/** The oldest events whose deliveries have not been started yet. */
export async function unrelayedWebhookEvents(em: EntityManager, limit: number): Promise<PendingWebhookEvent[]> {
  const rows = await em.find(WebhookEventRecord, { relayedAt: null }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit, fields: ['id', 'type', 'endpointId'] });
  return rows.map((r) => ({ id: r.id, type: r.type, endpointId: r.endpointId ?? null }));
}

/** Marks a batch of events relayed in one statement: a busy operation writes several events per order. */
export async function markWebhookEventsRelayed(em: EntityManager, ids: readonly string[], now = new Date()): Promise<void> {
  if (ids.length > 0) await em.nativeUpdate(WebhookEventRecord, { id: { $in: [...ids] }, relayedAt: null }, { relayedAt: now });
}
