import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, secretsInUse, webhookSignature } from './signature.ts';

const now = new Date();
const body = JSON.stringify({ type: 'order.released', timestamp: now.toISOString(), data: { orderId: 'o-1' } });
const headersFor = (signature: string, id = 'msg_1', ts = Math.floor(now.getTime() / 1_000)) => ({ 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': signature });
const verifies = (secret: string, headers: Record<string, string>, payload = body) => {
  try {
    new Webhook(secret).verify(payload, headers);
    return true;
  } catch {
    return false;
  }
};

describe('Standard Webhooks signatures', () => {
  const current = newWebhookSecret();
  const previous = newWebhookSecret();
  const stranger = newWebhookSecret();
  const ts = Math.floor(now.getTime() / 1_000);

  it('a secret is whsec_ and 24 random bytes', () => {
    expect(current).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(current).not.toBe(previous);
  });

  it('is what the standardwebhooks library signs', () => {
    expect(webhookSignature([current], 'msg_1', ts, body)).toBe(new Webhook(current).sign('msg_1', new Date(ts * 1_000), body));
  });

  it.each([
    { case: 'one secret, its receiver', secrets: () => [current], receiver: () => current, headers: {}, payload: body, ok: true },
    { case: 'another receiver', secrets: () => [current], receiver: () => stranger, headers: {}, payload: body, ok: false },
    { case: 'during a rotation, a receiver of the new secret', secrets: () => [current, previous], receiver: () => current, headers: {}, payload: body, ok: true },
    { case: 'during a rotation, a receiver of the old secret', secrets: () => [current, previous], receiver: () => previous, headers: {}, payload: body, ok: true },
    { case: 'a changed body', secrets: () => [current], receiver: () => current, headers: {}, payload: body.replace('o-1', 'o-2'), ok: false },
    { case: 'a changed id', secrets: () => [current], receiver: () => current, headers: { 'webhook-id': 'msg_2' }, payload: body, ok: false },
    { case: 'a changed timestamp', secrets: () => [current], receiver: () => current, headers: { 'webhook-timestamp': String(ts + 1) }, payload: body, ok: false },
  ])('$case: verified $ok', ({ secrets, receiver, headers, payload, ok }) => {
    const signature = webhookSignature(secrets(), 'msg_1', ts, body);
    expect(verifies(receiver(), { ...headersFor(signature, 'msg_1', ts), ...headers }, payload)).toBe(ok);
  });

  it('two secrets give two signatures, space-separated', () => {
    expect(webhookSignature([current, previous], 'msg_1', ts, body)).toMatch(/^v1,[A-Za-z0-9+/=]+ v1,[A-Za-z0-9+/=]+$/);
  });

  it.each([
    { case: 'no rotation', previousSecret: null, expiresIn: null, count: 1 },
    { case: 'previous secret still valid', previousSecret: 'p', expiresIn: 3_600_000, count: 2 },
    { case: 'previous secret expired', previousSecret: 'p', expiresIn: -1, count: 1 },
  ])('secrets in use: $case → $count', ({ previousSecret, expiresIn, count }) => {
    const used = secretsInUse({ secret: 'c', previousSecret, previousSecretExpiresAt: expiresIn === null ? null : new Date(now.getTime() + expiresIn) }, now);
    expect(used).toHaveLength(count);
    expect(used[0]).toBe('c');
  });
});
