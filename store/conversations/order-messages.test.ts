import { describe, expect, it } from 'vitest';
import type { MessageAuthor } from '../../domain/conversations/conversation.ts';
import { hoursFromNow } from '../../test/clock.ts';
import { useTempStore } from '../../test/temp-store.ts';
import { AccountRecord } from '../accounts/account.entity.ts';
import { AuditEntryRecord } from '../audit-entry.entity.ts';
import { listNotifications } from '../notifications/notifications.ts';
import { OrderRecord } from '../order.entity.ts';
import { UserRecord } from '../user.entity.ts';
import { addUser } from '../users.ts';
import { WorkAreaRecord } from '../work-area.entity.ts';
import { listMessages, postMessage } from './order-messages.ts';

/** An order's conversation on the store the suite runs on (SQLite, or PostgreSQL with SLUICE_TEST_STORE=postgres). */
describe("an order's conversation in the store", () => {
  const store = useTempStore();
  const people: Record<string, string> = {};
  let n = 0;

  const order = async () => {
    const em = store().em.fork();
    if (!(await em.findOne(WorkAreaRecord, { id: 'pool-c' }))) {
      em.create(AccountRecord, { code: 'ACME', name: 'Acme' });
      em.create(WorkAreaRecord, { id: 'pool-c', name: 'Central drivers', kind: 'driver_pool', wipLimit: 50 });
      for (const username of ['dee', 'ana.lopez', 'gone']) people[username] = addUser(em, { username, displayName: username, roles: ['dispatcher'], passwordHash: 'x' }).id;
      await em.flush();
      await em.nativeUpdate(UserRecord, { username: 'gone' }, { disabled: true });
    }
    const id = `conv-${++n}`;
    em.create(OrderRecord, { id, reference: `REF-${n}`, account: 'ACME', kind: 'delivery', statedPriority: 'normal', dueAt: hoursFromNow(4), workAreaId: 'pool-c', lines: [{ sku: 'BOX', qty: 1, price: 10 }], state: 'queued', paymentMode: 'prepaid' });
    await em.flush();
    return id;
  };
  const as = (username: string) => ({ kind: 'user' as const, id: people[username]!, name: username });
  const post = (orderId: string, text: string, author: MessageAuthor = as('dee')) => postMessage(store().em, { orderId, author, text, actor: author.name, now: new Date() });

  it('posts a message with its audit entry, and pages a long thread newest first', async () => {
    const id = await order();
    for (let i = 1; i <= 7; i++) await post(id, `message ${i}`);
    const first = await listMessages(store().em.fork(), id, { limit: 3 });
    expect(first.items.map((m) => m.text)).toEqual(['message 7', 'message 6', 'message 5']);
    const second = await listMessages(store().em.fork(), id, { before: Number(first.next), limit: 3 });
    const third = await listMessages(store().em.fork(), id, { before: Number(second.next), limit: 3 });
    expect([...second.items, ...third.items].map((m) => m.text)).toEqual(['message 4', 'message 3', 'message 2', 'message 1']);
    expect(third.next).toBeNull();
    expect(first.items[0]!.author).toEqual({ kind: 'user', id: people.dee, name: 'dee' });
    const audit = await store().em.fork().find(AuditEntryRecord, { subjectType: 'conversation', subjectId: id, action: 'message' });
    expect(audit).toHaveLength(7);
    expect(audit.every((a) => a.actor === 'dee' && a.toState === null)).toBe(true);
  });

  it('notifies each enabled person mentioned once, never the author, and keeps other threads apart', async () => {
    const id = await order();
    const other = await order();
    await post(other, 'elsewhere');
    const posted = await post(id, '@ana.lopez and @ANA.LOPEZ, please call; @dee @gone @nobody fyi', as('dee'));
    expect(posted!.mentions).toEqual(['ana.lopez', 'dee']);
    const ana = await listNotifications(store().em.fork(), { id: people['ana.lopez']!, roles: [] }, { limit: 10 });
    expect(ana.items).toEqual([expect.objectContaining({ kind: 'mentioned', title: 'dee mentioned you on order REF-' + id.split('-')[1], link: `/?view=orders&order=${id}`, read: false })]);
    expect((await listNotifications(store().em.fork(), { id: people.dee!, roles: [] }, { limit: 10 })).items).toEqual([]);
    expect((await listNotifications(store().em.fork(), { id: people.gone!, roles: [] }, { limit: 10 })).items).toEqual([]);
    expect((await listMessages(store().em.fork(), id, { limit: 10 })).items.map((m) => m.text)).toEqual([posted!.text]);
  });

  it('keeps markup as the text it is, and a driver as its author', async () => {
    const id = await order();
    await post(id, '<img src=x onerror=alert(1)> & "quotes"', { kind: 'driver', id: 'driver-7', name: 'Ana (driver)' });
    const [message] = (await listMessages(store().em.fork(), id, { limit: 1 })).items;
    expect(message).toMatchObject({ text: '<img src=x onerror=alert(1)> & "quotes"', author: { kind: 'driver', id: 'driver-7', name: 'Ana (driver)' } });
  });

  it('answers null for an order that is not there, and writes nothing', async () => {
    expect(await post('no-such-order', 'hello')).toBeNull();
    expect(await store().em.fork().count(AuditEntryRecord, { subjectId: 'no-such-order' })).toBe(0);
  });
});
