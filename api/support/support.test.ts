import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderSummary } from '../../domain/order.ts';
import type { PublicTicketView, SupportQueue, SupportTicketDetail } from '../../domain/support/support-ticket.ts';
import { trackingTokenOf } from '../../store/documents/order-tracking.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';
import { createApp } from '../app.ts';
import { seedDemoUsers } from '../auth/bootstrap-users.ts';

/** A customer asks through the tracking link with no session; the desk assigns and answers; the customer reads it and replies. */
describe('support tickets through the API', () => {
  let h: Harness;
  let order: OrderSummary;
  let token: string;
  const json = { 'content-type': 'application/json' };
  beforeAll(async () => {
    h = await createHarness();
    await seedDemoUsers(h.store.em.fork());
    order = await h.postOrder(`SUP-${Date.now()}`, 5);
    token = await trackingTokenOf(h.store.em.fork(), order.id);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const customerTickets = async () => ((await (await h.app.request(`/public/track/${token}/tickets`)).json()) as { tickets: PublicTicketView[] }).tickets;

  it('a customer raises a ticket, a dispatcher assigns and answers it, the customer sees the answer and reopens it', async () => {
    const raised = await h.app.request(`/public/track/${token}/tickets`, { method: 'POST', headers: json, body: JSON.stringify({ topic: 'change_delivery', name: 'Carla', contact: 'carla@example.com', message: 'Can it come on Friday?' }) });
    expect(raised.status).toBe(201);

    const queue = (await (await h.request('/support/tickets?assignee=unassigned', { role: 'order_processor' })).json()) as SupportQueue;
    const ticket = queue.tickets.find((t) => t.orderId === order.id)!;
    expect(ticket).toMatchObject({ status: 'open', topic: 'change_delivery', orderReference: order.reference, version: 0 });

    const assign = await h.request(`/support/tickets/${ticket.id}/assign`, { method: 'POST', body: JSON.stringify({ version: 0, assignee: 'dan' }) });
    expect(assign.status).toBe(200);
    const answered = await h.request(`/support/tickets/${ticket.id}/answer`, { method: 'POST', body: JSON.stringify({ version: 1, text: 'Friday it is, between 9 and 12.' }) });
    expect(answered.status).toBe(200);
    expect((await answered.json()) as SupportTicketDetail).toMatchObject({ status: 'answered', assignee: 'dan', version: 2, replies: [{ from: 'support', text: 'Friday it is, between 9 and 12.' }] });

    const [seen] = await customerTickets();
    expect(seen).toMatchObject({ id: ticket.id, status: 'answered', replies: [{ from: 'support', text: 'Friday it is, between 9 and 12.' }] });
    const page = await (await h.app.request(`/track/${token}`)).text();
    expect(page).toContain('Friday it is, between 9 and 12.');
    expect(page).not.toContain('carla@example.com');

    const stale = await h.request(`/support/tickets/${ticket.id}/close`, { method: 'POST', body: JSON.stringify({ version: 1 }) });
    expect(stale.status).toBe(409);
    const form = await h.app.request(`/track/${token}/replies`, { method: 'POST', body: new URLSearchParams({ ticket: ticket.id, message: 'Could it be after 2pm?' }) });
    expect(form.status).toBe(303);
    const reopened = (await (await h.request(`/support/tickets/${ticket.id}`, { role: 'ops_manager' })).json()) as SupportTicketDetail;
    expect(reopened).toMatchObject({ status: 'assigned', assignee: 'dan', replies: [{ from: 'support' }, { from: 'customer', text: 'Could it be after 2pm?' }] });
  });

  it('a wrong link is a 404, and writes nothing', async () => {
    const before = (await customerTickets()).length;
    expect((await h.app.request('/public/track/no-such-token/tickets')).status).toBe(404);
    expect((await h.app.request('/public/track/no-such-token/tickets', { method: 'POST', headers: json, body: JSON.stringify({ name: 'A', contact: 'a@b.co', message: 'hi' }) })).status).toBe(404);
    const [ticket] = await customerTickets();
    expect((await h.app.request(`/public/track/no-such-token/tickets/${ticket!.id}/replies`, { method: 'POST', headers: json, body: JSON.stringify({ message: 'hi' }) })).status).toBe(404);
    expect((await h.app.request(`/public/track/${token}/tickets/not-a-ticket/replies`, { method: 'POST', headers: json, body: JSON.stringify({ message: 'hi' }) })).status).toBe(404);
    expect(await customerTickets()).toHaveLength(before);
  });

  it('flooding the tracking link gets 429 with Retry-After', async () => {
    const app = createApp({ store: h.store, temporal: h.client, taskQueue: h.taskQueue, publicRateLimits: { perAddress: 2, global: 1_000, windowMs: 10 * 365 * 86_400_000 } });
    const from = (init: RequestInit) => app.request(`/public/track/${token}/tickets`, init, { incoming: { socket: { remoteAddress: '198.51.100.7', remotePort: 40_000, remoteFamily: 'IPv4' } } });
    const post = { method: 'POST', headers: json, body: JSON.stringify({ name: 'F', contact: 'f@example.com', message: 'again' }) };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await from(post)).status);
    expect(statuses).toEqual([201, 201, 429, 429]);
    expect(Number((await from(post)).headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('an assignee who cannot answer tickets is refused with who can', async () => {
    const [ticket] = await customerTickets();
    const detail = (await (await h.request(`/support/tickets/${ticket!.id}`)).json()) as SupportTicketDetail;
    const res = await h.request(`/support/tickets/${ticket!.id}/assign`, { method: 'POST', body: JSON.stringify({ version: detail.version, assignee: 'fred' }) });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('fred cannot answer tickets: that needs the dispatcher or order processor role.');
  });
});
