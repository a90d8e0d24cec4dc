import { describe, expect, it } from 'vitest';
import { hoursFromNow } from '../../test/clock.ts';
import { useTempStore } from '../../test/temp-store.ts';
import { AccountRecord } from '../accounts/account.entity.ts';
import { AuditEntryRecord } from '../audit-entry.entity.ts';
import { withStops } from '../drivers/driver-trips.ts';
import { OrderRecord } from '../order.entity.ts';
import { TripOrderRecord, TripRecord, TripStopRecord } from '../trips/trip.entity.ts';
import { WorkAreaRecord } from '../work-area.entity.ts';
import { markThreadRead, threadKey, unreadMentions } from './driver-mentions.ts';
import { postMessage } from './order-messages.ts';

/** `@driver` on an order's conversation, and what the driver has read, on the store the suite runs on. */
describe("the driver's mentions on order conversations in the store", () => {
  const store = useTempStore();
  let n = 0;

  /** An order on a live trip of `driverId` (or on none when null). */
  const order = async (driverId: string | null) => {
    const em = store().em.fork();
    if (!(await em.findOne(WorkAreaRecord, { id: 'pool-m' }))) {
      em.create(AccountRecord, { code: 'ACME', name: 'Acme' });
      em.create(WorkAreaRecord, { id: 'pool-m', name: 'Mention drivers', kind: 'driver_pool', wipLimit: 50 });
    }
    const id = `mention-${++n}`;
    em.create(OrderRecord, { id, reference: `M-${n}`, account: 'ACME', kind: 'delivery', statedPriority: 'normal', dueAt: hoursFromNow(4), workAreaId: 'pool-m', lines: [{ sku: 'BOX', qty: 1, price: 10 }], state: 'assigned', paymentMode: 'prepaid' });
    if (driverId) {
      const now = new Date();
      em.create(TripRecord, { id: `trip-${id}`, driverId, workAreaId: 'pool-m', state: 'dispatched', createdBy: 'test', createdAt: now, updatedAt: now });
      em.create(TripStopRecord, { tripId: `trip-${id}`, orderId: id, kind: 'dropoff', position: 0, pinned: false, status: 'pending' });
      em.create(TripOrderRecord, { orderId: id, tripId: `trip-${id}` });
    }
    await em.flush();
    return id;
  };
  const person = { kind: 'user' as const, id: 'user-1', name: 'dee' };
  const post = (orderId: string, text: string, author: { kind: 'user' | 'driver'; id: string; name: string } = person) =>
    postMessage(store().em, { orderId, author, text, actor: author.kind === 'driver' ? `driver:${author.id}` : author.name, now: new Date() });
  const unread = async (driverId: string, orderId: string) => (await unreadMentions(store().em.fork(), [driverId], [orderId])).get(threadKey(driverId, orderId)) ?? 0;

  it('@driver reaches the driver of the live trip the order is on, audited; elsewhere it reaches nobody', async () => {
    const onTrip = await order('drv-a');
    const loose = await order(null);
    const posted = await post(onTrip, 'Ask @driver to call ahead.');
    expect(posted).toMatchObject({ mentionedDriver: 'drv-a', mentions: [] });
    const [audit] = await store().em.fork().find(AuditEntryRecord, { subjectType: 'conversation', subjectId: onTrip });
    expect(audit!.data).toMatchObject({ mentionedDriver: 'drv-a' });
    expect((await post(loose, '@driver anyone?'))!.mentionedDriver).toBeNull();
    expect((await post(onTrip, 'a driver@example.com address is no mention'))!.mentionedDriver).toBeNull();
    expect((await post(onTrip, '@driver is me', { kind: 'driver', id: 'drv-a', name: 'A' }))!.mentionedDriver).toBeNull();
  });

  it('counts mentions after what the driver read, per driver and order; the read mark only moves forward', async () => {
    const id = await order('drv-b');
    const other = await order('drv-c');
    const first = (await post(id, '@driver one'))!;
    await post(id, 'no mention');
    const third = (await post(id, '@driver three'))!;
    await post(other, '@driver elsewhere');
    expect(await unread('drv-b', id)).toBe(2);
    expect(await unread('drv-c', id)).toBe(0);
    expect(await unread('drv-c', other)).toBe(1);

    await markThreadRead(store().em.fork(), 'drv-b', id, Number(first.id));
    expect(await unread('drv-b', id)).toBe(1);
    await markThreadRead(store().em.fork(), 'drv-b', id, Number(third.id));
    expect(await unread('drv-b', id)).toBe(0);
    // A slower read of an older page lands after: the mark stays where it was.
    await markThreadRead(store().em.fork(), 'drv-b', id, Number(first.id));
    expect(await unread('drv-b', id)).toBe(0);

    const [trip] = await withStops(store().em.fork(), [(await store().em.fork().findOne(TripRecord, { id: `trip-${other}` }))!]);
    expect(trip!.stops.map((s) => s.unreadMentions)).toEqual([1]);
  });
});
