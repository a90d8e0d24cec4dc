import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationMessage, ConversationPage } from '../../domain/conversations/conversation.ts';
import type { NotificationPage } from '../../domain/notification.ts';
import type { OrderSummary } from '../../domain/order.ts';
import type { Role } from '../../domain/roles.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';
import { DEMO_USERS, seedDemoUsers } from '../auth/bootstrap-users.ts';

/** An order's conversation through the API: posting, paging, and a mention that reaches the person's notifications. */
describe("an order's conversation through the API", () => {
  let h: Harness;
  let order: OrderSummary;
  beforeAll(async () => {
    h = await createHarness();
    await seedDemoUsers(h.store.em.fork());
    order = await h.postOrder(`CONV-${Date.now()}`, 5);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const post = (text: string, role: Role = 'dispatcher', orderId = order.id) =>
    h.request(`/orders/${encodeURIComponent(orderId)}/messages`, { method: 'POST', role, body: JSON.stringify({ text }) });

  const signIn = async (username: string) => {
    const password = DEMO_USERS.find((u) => u.username === username)!.password;
    const login = await h.app.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    return { cookie: login.headers.get('set-cookie')!.split(';')[0]! };
  };

  it('a mention notifies the person mentioned, in their notification centre', async () => {
    const res = await post('@sofia can you check the address with the customer?');
    expect(res.status).toBe(201);
    const message = (await res.json()) as ConversationMessage;
    expect(message).toMatchObject({ mentions: ['sofia'], author: { kind: 'user', name: 'test dispatcher' } });
    const sofia = await signIn('sofia');
    const page = (await (await h.app.request('/notifications', { headers: sofia })).json()) as NotificationPage;
    expect(page.items[0]).toMatchObject({ kind: 'mentioned', title: `test dispatcher mentioned you on order ${order.reference}`, link: `/?view=orders&order=${encodeURIComponent(order.id)}`, read: false });
    const dan = await signIn('dan');
    const dans = (await (await h.app.request('/notifications?unread=true', { headers: dan })).json()) as NotificationPage;
    expect(dans.items.filter((n) => n.kind === 'mentioned')).toEqual([]);
  });

  it('pages a thread newest first and keeps markup as text', async () => {
    await post('<b>bold</b> & <script>alert(1)</script>', 'specialist');
    const first = (await (await h.request(`/orders/${order.id}/messages?limit=1`, { role: 'admin' })).json()) as ConversationPage;
    expect(first.items.map((m) => m.text)).toEqual(['<b>bold</b> & <script>alert(1)</script>']);
    const rest = (await (await h.request(`/orders/${order.id}/messages?before=${first.next}`, { role: 'admin' })).json()) as ConversationPage;
    expect(rest.items.map((m) => m.text)).toEqual(['@sofia can you check the address with the customer?']);
    expect(rest.next).toBeNull();
  });

  it.each([
    ['an empty message', '   ', 400],
    ['a message over 2,000 characters', 'x'.repeat(2001), 400],
    ['a NUL in it', 'a\u0000b', 400],
  ])('refuses %s with 400, writing nothing', async (_, text, status) => {
    const before = (await (await h.request(`/orders/${order.id}/messages?limit=100`)).json()) as ConversationPage;
    expect((await post(text)).status).toBe(status);
    const after = (await (await h.request(`/orders/${order.id}/messages?limit=100`)).json()) as ConversationPage;
    expect(after.items).toHaveLength(before.items.length);
  });

  it('answers 404 for an order that is not there', async () => {
    expect((await post('hello', 'dispatcher', 'no-such-order')).status).toBe(404);
    expect((await h.request('/orders/no-such-order/messages')).status).toBe(404);
  });
});
