import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationPage, UnreadCount } from '../../domain/notification.ts';
import type { Role } from '../../domain/roles.ts';
import { notifyPerson, notifyRole } from '../../store/notifications/notifications.ts';
import { addUser } from '../../store/users.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';
import { createSession, SESSION_COOKIE } from '../auth/sessions.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ worker: true });
});
afterAll(async () => h?.close());

async function person(role: Role) {
  const em = h.store.em.fork();
  const user = addUser(em, { username: `${role}-${randomUUID().slice(0, 8)}`, displayName: role, roles: [role], passwordHash: 'x' });
  await em.flush();
  const session = await createSession(em, user.id);
  const headers = { cookie: `${SESSION_COOKIE}=${session.token}`, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };
  const call = (path: string, init: RequestInit = {}) => h.app.request(path, { ...init, headers });
  return {
    id: user.id,
    headers,
    call,
    list: async (query = '') => (await (await call(`/notifications${query}`)).json()) as NotificationPage,
    unread: async () => (await (await call('/notifications/unread-count')).json()) as UnreadCount,
  };
}

const content = (key: string) => ({ key, kind: 'import_done' as const, title: `Import ${key} done`, text: '10 rows taken, 2 refused.', link: `/?view=imports&import=${key}` });

describe('notifications over the API', () => {
  it('a person reads their own and their role’s notifications, not others’, and marks them read', async () => {
    const ann = await person('dispatcher');
    const ben = await person('dispatcher');
    const cat = await person('specialist');
    const role = `to-dispatchers-${randomUUID()}`;
    await notifyRole(h.store.em.fork(), 'dispatcher', content(role));
    await notifyPerson(h.store.em.fork(), { userId: cat.id, ...content(`to-cat-${randomUUID()}`) });
    await notifyPerson(h.store.em.fork(), { userId: ann.id, ...content(`to-ann-${randomUUID()}`) });

    const anns = await ann.list();
    expect(anns.items.map((n) => n.title)).toEqual([expect.stringMatching(/^Import to-ann-/), `Import ${role} done`]);
    expect(anns.items.every((n) => !n.read)).toBe(true);
    expect((await cat.list()).items.map((n) => n.title)).toEqual([expect.stringMatching(/^Import to-cat-/)]);

    const roleNote = anns.items[1]!;
    expect((await ann.call(`/notifications/${roleNote.id}/read`, { method: 'POST' })).status).toBe(204);
    expect(await ann.unread()).toEqual({ unread: 1, more: false });
    // Read by Ann, the role's notification is still unread for Ben.
    expect((await ben.list()).items).toMatchObject([{ id: roleNote.id, read: false }]);
    expect((await ann.list('?unread=true')).items.map((n) => n.title)).toEqual([expect.stringMatching(/^Import to-ann-/)]);

    const catNote = (await cat.list()).items[0]!;
    const refused = await ann.call(`/notifications/${catNote.id}/read`, { method: 'POST' });
    expect(refused.status).toBe(404);
    expect((await cat.list()).items[0]!.read).toBe(false);

    expect((await ann.call('/notifications/read-all', { method: 'POST' })).status).toBe(204);
    expect(await ann.unread()).toEqual({ unread: 0, more: false });
    expect(await ben.unread()).toEqual({ unread: 1, more: false });
  });

  it.each([
    { query: '?cursor=abc', path: 'cursor' },
    { query: '?cursor=99999999999999999999', path: 'cursor' },
    { query: '?limit=0', path: 'limit' },
    { query: '?limit=101', path: 'limit' },
    { query: '?unread=yes', path: 'unread' },
  ])('refuses $query with a 400 naming $path', async ({ query, path }) => {
    const res = await (await person('finance')).call(`/notifications${query}`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain(path);
  });

  it('a new notification reaches the stream of whom it is for, and no one else’s', async () => {
    const ann = await person('dispatcher');
    const cat = await person('specialist');
    const [annStream, catStream] = await Promise.all([follow(ann.headers), follow(cat.headers)]);
    await Promise.all([annStream.until(() => annStream.text().includes('event: ready')), catStream.until(() => catStream.text().includes('event: ready'))]);
    await notifyRole(h.store.em.fork(), 'dispatcher', content(`live-${randomUUID()}`));
    await annStream.until(() => annStream.text().includes('event: notification'));
    const id = (await ann.list()).items[0]!.id;
    expect(annStream.text()).toContain(`data: {"id":"${id}"}`);
    await notifyPerson(h.store.em.fork(), { userId: cat.id, ...content(`live-cat-${randomUUID()}`) });
    await catStream.until(() => catStream.text().includes('event: notification'));
    expect(catStream.text()).not.toContain(`"id":"${id}"`);
    await Promise.all([annStream.close(), catStream.close()]);
  });

  it('an order escalated to a role notifies that role once, through the real workflow', async () => {
    const finance = await person('finance');
    const specialist = await person('specialist');
    const order = await h.postOrder(`ESC-${randomUUID().slice(0, 8)}`, 2);
    await h.reach(order.id, 'queued');
    const res = await h.request(`/orders/${order.id}/actions`, { method: 'POST', role: 'dispatcher', body: JSON.stringify({ action: 'escalate', role: 'finance', reason: 'The account looks overdrawn' }) });
    expect(res.status).toBe(200);
    const mine = (await finance.list()).items.filter((n) => n.link === `/?view=orders&order=${order.id}`);
    expect(mine).toEqual([expect.objectContaining({ kind: 'escalated_to_my_role', role: 'finance', title: `Order ${order.reference} escalated to the finance queue`, text: 'The account looks overdrawn', read: false })]);
    expect((await specialist.list()).items.filter((n) => n.link === `/?view=orders&order=${order.id}`)).toEqual([]);
  });
});

/** An open notification stream: its text so far. */
async function follow(headers: Record<string, string>) {
  const abort = new AbortController();
  const res = await h.app.request('/notifications/stream', { headers, signal: abort.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  let text = '';
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      text += new TextDecoder().decode(value);
    }
  })();
  return {
    text: () => text,
    // Generous: on PostgreSQL a notification is read once every older write transaction of the cluster has ended.
    async until(test: () => boolean, timeoutMs = 45_000) {
      const deadline = Date.now() + timeoutMs;
      while (!test()) {
        if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms; stream so far:\n${text}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      abort.abort();
      await reader.cancel().catch(() => undefined);
      await pump;
    },
  };
}
