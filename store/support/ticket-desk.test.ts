import { describe, expect, it } from 'vitest';
import { hoursFromNow } from '../../test/clock.ts';
import { useTempStore } from '../../test/temp-store.ts';
import { AccountRecord } from '../accounts/account.entity.ts';
import { AuditEntryRecord } from '../audit-entry.entity.ts';
import { NotificationRecord } from '../notifications/notification.entity.ts';
import { OrderRecord } from '../order.entity.ts';
import { addUser } from '../users.ts';
import { WorkAreaRecord } from '../work-area.entity.ts';
import { raiseSupportTicket } from './support-tickets.ts';
import { changeTicket, customerReply, publicTickets, readTicket, supportQueue } from './ticket-desk.ts';
import { TicketRefusal } from './ticket-refusal.ts';

/** The support desk on the store the suite runs on (SQLite, or PostgreSQL with SLUICE_TEST_STORE=postgres). */
describe('support tickets in the store', () => {
  const store = useTempStore();
  let n = 0;

  const order = async () => {
    const em = store().em.fork();
    if (!(await em.findOne(WorkAreaRecord, { id: 'pool-s' }))) {
      em.create(AccountRecord, { code: 'ACME', name: 'Acme' });
      em.create(WorkAreaRecord, { id: 'pool-s', name: 'South drivers', kind: 'driver_pool', wipLimit: 50 });
      addUser(em, { username: 'dan', displayName: 'Dan', roles: ['dispatcher'], passwordHash: 'x' });
      addUser(em, { username: 'paula', displayName: 'Paula', roles: ['order_processor'], passwordHash: 'x' });
      addUser(em, { username: 'fred', displayName: 'Fred', roles: ['finance'], passwordHash: 'x' });
    }
    const id = `sup-${++n}`;
    em.create(OrderRecord, { id, reference: `SUP-${n}`, account: 'ACME', kind: 'delivery', statedPriority: 'normal', dueAt: hoursFromNow(4), workAreaId: 'pool-s', lines: [{ sku: 'BOX', qty: 1, price: 10 }], state: 'queued', paymentMode: 'prepaid' });
    await em.flush();
    return id;
  };
  const raise = async (orderId: string, minutesAgo = 0) =>
    raiseSupportTicket(store().em, orderId, { topic: 'delivery_time', name: 'Carla', contact: 'carla@example.com', message: 'When does it come?' }, new Date(Date.now() - minutesAgo * 60_000));
  const refusal = (p: Promise<unknown>) => p.then(() => null, (err: unknown) => (err instanceof TicketRefusal ? err.message : Promise.reject(err)));

  it('a new ticket is open, audited, and told to the support desk roles', async () => {
    const id = await raise(await order());
    const ticket = await readTicket(store().em.fork(), id);
    expect(ticket).toMatchObject({ status: 'open', assignee: null, version: 0, topic: 'delivery_time', replies: [] });
    const notes = await store().em.fork().find(NotificationRecord, { kind: 'support_ticket', link: `/?view=support&ticket=${id}` });
    expect(notes.map((x) => x.role).sort()).toEqual(['dispatcher', 'order_processor']);
    expect(await store().em.fork().count(AuditEntryRecord, { subjectType: 'support_ticket', subjectId: id, action: 'raise' })).toBe(1);
  });

  it('is assigned, answered and closed; the customer reads the answer and their reply reopens it', async () => {
    const orderId = await order();
    const id = await raise(orderId);
    await changeTicket(store().em, id, 0, { type: 'assign', assignee: 'paula' }, 'dan');
    await changeTicket(store().em, id, 1, { type: 'answer', text: 'Tomorrow before noon.' }, 'paula');
    expect(await readTicket(store().em.fork(), id)).toMatchObject({ status: 'answered', assignee: 'paula', version: 2, replies: [{ from: 'support', author: 'paula', text: 'Tomorrow before noon.' }] });
    const [seen] = await publicTickets(store().em.fork(), orderId);
    expect(seen).toMatchObject({ id, status: 'answered', replies: [{ from: 'support', text: 'Tomorrow before noon.' }] });
    expect(seen!.replies[0]).not.toHaveProperty('author');
    await changeTicket(store().em, id, 2, { type: 'close' }, 'paula');
    expect(await customerReply(store().em, orderId, id, 'Could it be after 2pm instead?')).toBe(true);
    expect(await readTicket(store().em.fork(), id)).toMatchObject({ status: 'assigned', assignee: 'paula', version: 4 });
    const audit = await store().em.fork().find(AuditEntryRecord, { subjectType: 'support_ticket', subjectId: id }, { orderBy: { seq: 'asc' } });
    expect(audit.map((a) => `${a.action}:${a.fromState ?? ''}>${a.toState}:${a.actor}`)).toEqual(['raise:>open:customer', 'assign:open>assigned:dan', 'answer:assigned>answered:paula', 'close:answered>closed:paula', 'customer_reply:closed>assigned:customer']);
  });

  it('refuses a stale version, a closed ticket, and an assignee who cannot answer, changing nothing', async () => {
    const orderId = await order();
    const id = await raise(orderId);
    expect(await refusal(changeTicket(store().em, id, 3, { type: 'close' }, 'dan'))).toMatch(/changed this ticket since you opened it/);
    expect(await refusal(changeTicket(store().em, id, 0, { type: 'assign', assignee: 'fred' }, 'dan'))).toMatch(/fred cannot answer tickets/);
    expect(await refusal(changeTicket(store().em, id, 0, { type: 'assign', assignee: 'nobody' }, 'dan'))).toMatch(/Nobody signs in as nobody/);
    await changeTicket(store().em, id, 0, { type: 'close' }, 'dan');
    expect(await refusal(changeTicket(store().em, id, 1, { type: 'answer', text: 'late' }, 'dan'))).toMatch(/closed/);
    expect(await readTicket(store().em.fork(), id)).toMatchObject({ status: 'closed', version: 1, replies: [] });
    expect(await customerReply(store().em, await order(), id, 'not my ticket')).toBe(false);
  });

  it('queues unassigned first, then oldest first, with filters', async () => {
    const orderId = await order();
    const older = await raise(orderId, 30);
    const oldest = await raise(orderId, 60);
    const newest = await raise(orderId, 5);
    await changeTicket(store().em, oldest, 0, { type: 'assign', assignee: 'dan' }, 'dan');
    const queue = (await supportQueue(store().em.fork(), { status: 'active', limit: 200 })).tickets.filter((t) => t.orderId === orderId);
    expect(queue.map((t) => t.id)).toEqual([older, newest, oldest]);
    const unassigned = (await supportQueue(store().em.fork(), { status: 'active', assignee: 'unassigned', limit: 200 })).tickets.filter((t) => t.orderId === orderId);
    expect(unassigned.map((t) => t.id)).toEqual([older, newest]);
    const mine = (await supportQueue(store().em.fork(), { status: 'assigned', assignee: 'dan', limit: 200 })).tickets;
    expect(mine.map((t) => t.id)).toEqual([oldest]);
    expect(mine[0]).toMatchObject({ orderReference: expect.stringMatching(/^SUP-/) });
  });
});
