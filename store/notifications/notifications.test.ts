import { describe, expect, it } from 'vitest';
import type { OrderState } from '../../domain/lifecycle.ts';
import { useTempStore } from '../../test/temp-store.ts';
import { OrderRecord } from '../order.entity.ts';
import { projectTransition, type OrderTransition } from '../order-transition.ts';
import { UserRecord } from '../user.entity.ts';
import { WorkAreaRecord } from '../work-area.entity.ts';
import { notifyDeadlinesSoon } from './deadline-notifications.ts';
import { NotificationRecord } from './notification.entity.ts';
import { countUnread, listNotifications, markAllRead, markRead, notifyPerson, notifyRole, type Reader } from './notifications.ts';

const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
const minutesFromNow = (m: number) => new Date(NOW.getTime() + m * 60_000);
const content = (key: string) => ({ key, kind: 'bulk_job_finished' as const, title: `Job ${key} finished`, text: '3 orders acted on.', link: `/?view=jobs&job=${key}` });

const ann: Reader = { id: 'u-ann', roles: ['dispatcher'] };
const bob: Reader = { id: 'u-bob', roles: ['dispatcher', 'finance'] };
const cat: Reader = { id: 'u-cat', roles: ['specialist'] };

describe('notifications', () => {
  const store = useTempStore();
  const em = () => store().em.fork();
  const titles = async (reader: Reader) => (await listNotifications(em(), reader, { limit: 100 })).items.map((n) => n.title);

  it('notifyPerson writes once per key, however often it is called', async () => {
    expect(await notifyPerson(em(), { userId: 'u-ann', ...content('once') })).toBe(true);
    expect(await notifyPerson(em(), { userId: 'u-ann', ...content('once') })).toBe(false);
    expect(await em().count(NotificationRecord, { dedupeKey: 'once' })).toBe(1);
  });

  it('a person sees their own and their roles’ notifications, not others’; read state is per person', async () => {
    await notifyPerson(em(), { userId: 'u-ann', ...content('ann-1') });
    await notifyRole(em(), 'dispatcher', content('disp-1'));
    await notifyRole(em(), 'specialist', content('spec-1'));
    await notifyPerson(em(), { userId: 'u-cat', ...content('cat-1') });
    expect(await titles(ann)).toEqual(['Job disp-1 finished', 'Job ann-1 finished', 'Job once finished']);
    expect(await titles(bob)).toEqual(['Job disp-1 finished']);
    expect(await titles(cat)).toEqual(['Job cat-1 finished', 'Job spec-1 finished']);

    const [roleNote] = (await listNotifications(em(), bob, { limit: 1 })).items;
    expect(await markRead(em(), bob, Number(roleNote!.id))).toBe(true);
    expect(await countUnread(em(), bob)).toEqual({ unread: 0, more: false });
    expect(await countUnread(em(), ann)).toEqual({ unread: 3, more: false });
    // Cat's role does not receive the dispatchers' notification, so she cannot mark it.
    expect(await markRead(em(), cat, Number(roleNote!.id))).toBe(false);

    await markAllRead(em(), ann);
    expect(await countUnread(em(), ann)).toEqual({ unread: 0, more: false });
    expect((await listNotifications(em(), ann, { limit: 10 })).items.every((n) => n.read)).toBe(true);
    await notifyRole(em(), 'dispatcher', content('disp-2'));
    expect((await listNotifications(em(), ann, { limit: 10, unread: true })).items.map((n) => n.title)).toEqual(['Job disp-2 finished']);
    expect(await countUnread(em(), cat)).toEqual({ unread: 2, more: false });
  });

  it('a role’s notifications from before a person’s account count as read for them, later ones do not', async () => {
    const tx = em();
    tx.create(UserRecord, { id: 'u-newcomer', username: 'newcomer', displayName: 'New', passwordHash: 'x', roles: ['finance'], createdAt: NOW });
    await tx.flush();
    await notifyRole(em(), 'finance', content('before-newcomer'), minutesFromNow(-60));
    await notifyRole(em(), 'finance', content('after-newcomer'), minutesFromNow(1));
    const newcomer: Reader = { id: 'u-newcomer', roles: ['finance'] };
    expect((await listNotifications(em(), newcomer, { limit: 10 })).items.map((x) => [x.title, x.read])).toEqual([
      ['Job after-newcomer finished', false],
      ['Job before-newcomer finished', true],
    ]);
    expect(await countUnread(em(), newcomer)).toEqual({ unread: 1, more: false });
    // A token has no account: it reads them all.
    expect(await countUnread(em(), { id: 'token:t1', roles: ['finance'] })).toEqual({ unread: 2, more: false });
  });

  it('pages newest first by cursor', async () => {
    const reader: Reader = { id: 'u-pager', roles: [] };
    for (let i = 1; i <= 5; i++) await notifyPerson(em(), { userId: 'u-pager', ...content(`page-${i}`) });
    const first = await listNotifications(em(), reader, { limit: 2 });
    const second = await listNotifications(em(), reader, { limit: 2, cursor: Number(first.next) });
    const third = await listNotifications(em(), reader, { limit: 2, cursor: Number(second.next) });
    expect([...first.items, ...second.items, ...third.items].map((n) => n.title)).toEqual([5, 4, 3, 2, 1].map((i) => `Job page-${i} finished`));
    expect(third.next).toBeNull();
  });
});

describe('the facts that notify', () => {
  const store = useTempStore();
  const em = () => store().em.fork();
  let n = 0;
  const addOrder = async (fields: { state: OrderState; dueAt?: Date; holds?: OrderRecord['holds'] }) => {
    const tx = em();
    if (!(await tx.findOne(WorkAreaRecord, { id: 'zone-a' }))) {
      tx.create(WorkAreaRecord, { id: 'zone-a', name: 'Zone A', kind: 'pick_zone', wipLimit: 5 });
      tx.create(UserRecord, { id: 'u-dana', username: 'dana', displayName: 'Dana', passwordHash: 'x', roles: ['dispatcher'] });
    }
    const id = `n-${++n}`;
    tx.create(OrderRecord, { id, reference: `REF-${id}`, account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt: fields.dueAt ?? minutesFromNow(600), workAreaId: 'zone-a', lines: [], state: fields.state, holds: fields.holds ?? [] });
    await tx.flush();
    return id;
  };
  const transition = (orderId: string, t: Partial<OrderTransition> & Pick<OrderTransition, 'from' | 'to' | 'event'>): OrderTransition => ({
    key: `k-${orderId}-${t.event}`, orderId, actor: 'test', reason: null, priorityScore: null, escalation: null, holds: [], assignee: null, data: null, ...t,
  });
  // A record retried runs the same transition, with the same key, again.
  const projectTwice = async (t: OrderTransition) => {
    for (let i = 0; i < 2; i++) await em().transactional((tx) => projectTransition(tx, t, NOW));
  };
  const notificationsOf = (orderId: string) => em().find(NotificationRecord, { link: `/?view=orders&order=${orderId}` });

  it('an order escalated to a role notifies that role once, even when its record runs again', async () => {
    const id = await addOrder({ state: 'queued' });
    await projectTwice(transition(id, { from: 'queued', to: 'escalated', event: 'ESCALATE', escalation: { role: 'finance', reason: 'Credit looks wrong', from: 'queued' } }));
    const notes = await notificationsOf(id);
    expect(notes.map((x) => ({ role: x.role, userId: x.userId, kind: x.kind, title: x.title, text: x.text }))).toEqual([
      { role: 'finance', userId: null, kind: 'escalated_to_my_role', title: `Order REF-${id} escalated to the finance queue`, text: 'Credit looks wrong' },
    ]);
  });

  it.each([
    { name: 'released by someone else notifies who placed it', placedBy: 'dana', actor: 'erin', expected: 1 },
    { name: 'released by its cause clearing notifies who placed it', placedBy: 'dana', actor: 'token:erp', expected: 1 },
    { name: 'released by who placed it notifies nobody', placedBy: 'dana', actor: 'dana', expected: 0 },
    { name: 'placed by the intake rules notifies nobody', placedBy: 'intake rules', actor: 'token:erp', expected: 0 },
  ])('a hold $name, once', async ({ placedBy, actor, expected }) => {
    const id = await addOrder({ state: 'on_hold', holds: [{ type: 'manual', reason: 'check address', placedBy }] });
    await projectTwice(transition(id, { from: 'on_hold', to: 'queued', event: 'RELEASE_HOLD', actor, reason: 'address confirmed', data: { holdType: 'manual' } }));
    const notes = await notificationsOf(id);
    expect(notes.length).toBe(expected);
    if (expected) expect(notes[0]).toMatchObject({ userId: 'u-dana', role: null, kind: 'my_hold_released', title: `Your manual hold on order REF-${id} was released`, text: `${actor}: address confirmed` });
  });

  it('an unfinished order due within 30 minutes notifies the dispatchers once; later, finished or past ones do not', async () => {
    const soon = await addOrder({ state: 'assigned', dueAt: minutesFromNow(20) });
    const later = await addOrder({ state: 'assigned', dueAt: minutesFromNow(45) });
    const done = await addOrder({ state: 'completed', dueAt: minutesFromNow(10) });
    const past = await addOrder({ state: 'queued', dueAt: minutesFromNow(-5) });
    expect(await notifyDeadlinesSoon(em(), NOW)).toBe(1);
    expect(await notifyDeadlinesSoon(em(), NOW)).toBe(0);
    expect((await notificationsOf(soon)).map((x) => ({ role: x.role, kind: x.kind, title: x.title }))).toEqual([{ role: 'dispatcher', kind: 'deadline_soon', title: `Order REF-${soon} is due in 20 min` }]);
    for (const id of [later, done, past]) expect(await notificationsOf(id)).toEqual([]);
  });
});
