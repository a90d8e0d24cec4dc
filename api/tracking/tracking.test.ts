import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LastMileStatus } from '../../domain/last-mile.ts';
import type { OrderState } from '../../domain/lifecycle.ts';
import type { OrderSummary } from '../../domain/order.ts';
import type { SupportTicketView, TrackingView } from '../../domain/tracking.ts';
import { appendAudit } from '../../store/audit-log.ts';
import { trackingTokenOf } from '../../store/documents/order-tracking.ts';
import { inTransaction } from '../../store/in-transaction.ts';
import { NotificationRecord } from '../../store/notifications/notification.entity.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { lastMileRank } from '../../store/order-sort-ranks.ts';
import { SupportTicketRecord } from '../../store/support/support-ticket.entity.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';
import { createApp } from '../app.ts';

/** The customer's side of an order: no session, no API token, only the link on the label. */
describe('an order\'s tracking page and route, without sign-in', () => {
  let h: Harness;
  let order: OrderSummary;
  let token: string;
  // As a browser with no session: no Authorization header, no cookie.
  const anonymous = async (path: string, init: RequestInit = {}) => h.app.request(path, init);

  beforeAll(async () => {
    h = await createHarness();
    order = await h.postOrder(`TRK-${Date.now()}`, 5);
    token = await trackingTokenOf(h.store.em.fork(), order.id);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const setState = (state: OrderState, lastMileStatus: LastMileStatus | null) =>
    h.store.em.fork().nativeUpdate(OrderRecord, { id: order.id }, { state, lastMileStatus, lastMileRank: lastMileRank(lastMileStatus) });

  it.each<[OrderState, LastMileStatus | null, string]>([
    ['queued', 'Pending', 'Received'],
    ['on_hold', 'Pending', 'Delayed, we are on it'],
    ['assigned', 'Assigned', 'Being prepared'],
    ['in_transit', 'In Transit', 'On its way'],
    ['delivered', 'Delivered', 'Delivered'],
    ['cancelled', 'Cancelled', 'Cancelled'],
  ])('%s (last mile %s) reads "%s" on the route and the page', async (state, lastMile, words) => {
    await setState(state, lastMile);
    const res = await anonymous(`/public/track/${token}`);
    expect(res.status).toBe(200);
    const view = (await res.json()) as TrackingView;
    expect(view).toMatchObject({ reference: order.reference, statusText: words, expectedAt: new Date(order.dueAt).toISOString(), lastMile: { status: lastMile } });
    const page = await (await anonymous(`/track/${token}`)).text();
    expect(page).toContain(`<p class="status">${words}</p>`);
  });

  it('says nothing internal: only its own keys, whatever holds, escalation, assignee or account the order has', async () => {
    await h.store.em.fork().nativeUpdate(OrderRecord, { id: order.id }, {
      state: 'on_hold', lastMileStatus: 'Pending', lastMileRank: lastMileRank('Pending'), assignee: 'driver-secret', holds: [{ type: 'credit', reason: 'Credit limit exceeded by 4,200', placedBy: 'rules' }] as never,
    });
    const view = (await (await anonymous(`/public/track/${token}`)).json()) as Record<string, unknown>;
    expect(Object.keys(view).sort()).toEqual(['expectedAt', 'lastMile', 'reference', 'status', 'statusText', 'timeZone']);
    expect(Object.keys(view.lastMile as object).sort()).toEqual(['since', 'status']);
    const page = await (await anonymous(`/track/${token}`)).text();
    for (const secret of ['driver-secret', 'Credit limit', 'ACME', order.id, 'credit']) {
      expect(JSON.stringify(view)).not.toContain(secret);
      expect(page).not.toContain(secret);
    }
  });

  it('gives the last-mile status the time the order moved into it', async () => {
    await setState('in_transit', 'In Transit');
    const at = new Date(Date.now() - 60_000);
    await inTransaction(h.store.em, async (tx) => {
      appendAudit(tx, { dedupeKey: `trk-test:${order.id}`, at, subjectType: 'order', subjectId: order.id, action: 'transition', fromState: 'picked_up', toState: 'in_transit', actor: 'test' });
    });
    const view = (await (await anonymous(`/public/track/${token}`)).json()) as TrackingView;
    expect(view.lastMile).toEqual({ status: 'In Transit', since: at.toISOString() });
  });

  it('answers an unknown token exactly as a malformed one, on the route and the page', async () => {
    const unknown = token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const answers = await Promise.all(
      [unknown, 'x', '..%2F..', 'A'.repeat(300), '%00'].map(async (t) => {
        const json = await anonymous(`/public/track/${t}`);
        const page = await anonymous(`/track/${t}`);
        return { json: [json.status, await json.text()], page: [page.status, (await page.text()).replace(/nonce="[^"]*"/, '')] };
      }),
    );
    expect(answers[0]!.json[0]).toBe(404);
    expect(answers[0]!.page[0]).toBe(404);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it('sends strict headers and no script', async () => {
    const res = await anonymous(`/track/${token}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-robots-tag')).toContain('noindex');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    const page = await res.text();
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect((await anonymous(`/public/track/${token}`)).headers.get('cache-control')).toBe('no-store');
  });

  it('stores a ticket from the route and from the page\'s form, notifies the support desk, and lists it in the order for staff', async () => {
    const sent = await anonymous(`/public/track/${token}/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Carla Customer', contact: 'carla@example.com', message: 'Can you leave it with the neighbour?' }) });
    expect(sent.status).toBe(201);
    const form = await anonymous(`/track/${token}`, { method: 'POST', body: new URLSearchParams({ name: 'Carla', contact: '+44 20 7946 0000', message: 'Ring twice <please>' }) });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe(`/track/${token}?sent=1`);
    expect(await (await anonymous(form.headers.get('location')!)).text()).toContain('we have your message');

    const tickets = await h.store.em.fork().find(SupportTicketRecord, { orderId: order.id });
    expect(tickets.map((t) => t.contact).sort()).toEqual(['+44 20 7946 0000', 'carla@example.com']);
    const notes = await h.store.em.fork().find(NotificationRecord, { kind: 'support_ticket', link: { $in: tickets.map((t) => `/?view=support&ticket=${t.id}`) } });
    expect(notes.map((n) => n.role).sort()).toEqual(['dispatcher', 'dispatcher', 'order_processor', 'order_processor']);

    const listed = await h.request(`/orders/${order.id}/support-tickets`, { role: 'order_processor' });
    expect(listed.status).toBe(200);
    const { tickets: views } = (await listed.json()) as { tickets: SupportTicketView[] };
    expect(views.map((t) => t.message).sort()).toEqual(['Can you leave it with the neighbour?', 'Ring twice <please>']);
    expect((await anonymous(`/orders/${order.id}/support-tickets`)).status).toBe(401);
  });

  it('refuses a ticket with what to correct, storing nothing', async () => {
    const before = await h.store.em.fork().count(SupportTicketRecord, { orderId: order.id });
    const json = await anonymous(`/public/track/${token}/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'X', contact: 'not a contact', message: 'm'.repeat(2001) }) });
    expect(json.status).toBe(400);
    const form = await anonymous(`/track/${token}`, { method: 'POST', body: new URLSearchParams({ name: '', contact: 'x', message: 'hello' }) });
    expect(form.status).toBe(400);
    const page = await form.text();
    expect(page).toContain('role="alert"');
    expect(page).toContain('>hello</textarea>');
    expect(await anonymous('/track/no-such-token', { method: 'POST', body: new URLSearchParams({ name: 'A', contact: 'a@b.co', message: 'hi' }) }).then((r) => r.status)).toBe(404);
    expect(await h.store.em.fork().count(SupportTicketRecord, { orderId: order.id })).toBe(before);
  });

  it('answers 429 with Retry-After past an address\'s burst, while another address goes on', async () => {
    // A window of years: the burst below cannot straddle two windows.
    const app = createApp({ store: h.store, temporal: h.client, taskQueue: h.taskQueue, publicRateLimits: { perAddress: 3, global: 1_000, windowMs: 10 * 365 * 86_400_000 } });
    const from = async (address: string, path: string, init: RequestInit = {}) => app.request(path, init, { incoming: { socket: { remoteAddress: address, remotePort: 40_000, remoteFamily: 'IPv4' } } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await from('192.0.2.10', `/public/track/${token}`)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await from('192.0.2.10', `/track/${token}`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const ticket = await from('192.0.2.10', `/public/track/${token}/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'A', contact: 'a@b.co', message: 'hi' }) });
    expect(ticket.status).toBe(429);
    expect(((await ticket.json()) as { error: { code: string } }).error.code).toBe('too_many_requests');
    expect((await from('192.0.2.11', `/public/track/${token}`)).status).toBe(200);
  });
});
