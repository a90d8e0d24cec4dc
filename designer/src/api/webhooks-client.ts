import type { z } from 'zod';
import type { CreateWebhookEndpointRequest, rotateSecretRequest, UpdateWebhookEndpointRequest, WebhookAttemptView, WebhookEndpointView } from '../../../domain/webhook.ts';
import { request } from './request.ts';

export type WebhookEndpointWithSecret = WebhookEndpointView & { secret: string };
const path = (id: string) => `/webhooks/endpoints/${encodeURIComponent(id)}`;

export async function listWebhookEndpoints(signal?: AbortSignal): Promise<WebhookEndpointView[]> {
  return (await request<{ endpoints: WebhookEndpointView[] }>('/webhooks/endpoints', { signal })).endpoints;
}

export function createWebhookEndpoint(body: CreateWebhookEndpointRequest): Promise<WebhookEndpointWithSecret> {
  return request<WebhookEndpointWithSecret>('/webhooks/endpoints', { method: 'POST', body });
}

export function updateWebhookEndpoint(id: string, body: UpdateWebhookEndpointRequest): Promise<WebhookEndpointView> {
  return request<WebhookEndpointView>(path(id), { method: 'PUT', body });
}

export function deleteWebhookEndpoint(id: string): Promise<WebhookEndpointView> {
  return request<WebhookEndpointView>(path(id), { method: 'DELETE' });
}

export function rotateWebhookSecret(id: string, body: z.input<typeof rotateSecretRequest>): Promise<WebhookEndpointWithSecret> {
  return request<WebhookEndpointWithSecret>(`${path(id)}/rotate-secret`, { method: 'POST', body });
}

export function sendWebhookTest(id: string): Promise<{ eventId: string }> {
  return request<{ eventId: string }>(`${path(id)}/test`, { method: 'POST' });
}

export function redeliverWebhookEvent(id: string, eventId: string): Promise<{ eventId: string }> {
  return request<{ eventId: string }>(`${path(id)}/events/${encodeURIComponent(eventId)}/redeliver`, { method: 'POST' });
}

export async function listWebhookAttempts(id: string, signal?: AbortSignal): Promise<WebhookAttemptView[]> {
  return (await request<{ attempts: WebhookAttemptView[] }>(`${path(id)}/attempts?limit=100`, { signal })).attempts;
}
