import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationMessage, ConversationPage } from '../../domain/conversations/conversation.ts';
import type { DriverTrip } from '../../domain/drivers/driver-trip.ts';
import type { NotificationPage } from '../../domain/notification.ts';
import type { OrderSummary } from '../../domain/order.ts';
import type { TripDetail } from '../../domain/trips/trip.ts';
import { AuditEntryRecord } from '../../store/audit-entry.entity.ts';
import { createHarness, eventually, type Harness } from '../../test/sluice-harness.ts';
import { DEMO_USERS, seedDemoUsers } from '../auth/bootstrap-users.ts';

/** The driver in an order's conversation, through the driver API, on orders the worker released and assigned. */
describe("the driver in an order's conversation", () => {
  let h: Harness;
  const pool = `driver-talk-${Date.now()}`;
  const [ana, bo] = ['ana', 'bo'].map((d) => `${d}-talk-${Date.now()}`) as [string, string];
  const tokens: Record<string, string> = {};
  let anaTrip: string;
  let boTrip: string;
  let onAnas: string;
  let alsoAnas: string;
  let onBos: string;

  const orderFor = async (driver: string) => {
    const res = await h.request('/orders', {
      method: 'POST',
      body: JSON.stringify({
        reference: `TALK-${crypto.randomUUID()}`,
        account: 'ACME',
        kind: 'delivery',
        workAreaId: pool,
        dueAt: new Date(Date.now() + 8 * 3_600_000).toISOString(),
        lines: [{ sku: 'A', qty: 1, price: 30 }],
        dropoffLocation: { lat: 52.09, lng: 5.12 },
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as OrderSummary;
    await eventually(async () => ((await h.getOrder(id)).state === 'assigned' ? true : undefined), `order ${id} to be assigned`);
    if ((await h.getOrder(id)).assignee !== driver) {
      const moved = await h.request(`/orders/${id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'reassign', resource: driver, reason: 'Goes on their trip', override: true }) });
      expect(moved.status, await moved.text()).toBeLessThan(300);
      await eventually(async () => ((await h.getOrder(id)).assignee === driver ? true : undefined), `order ${id} to be ${driver}'s`);
    }
    return id;
  };
  const plan = async (driverId: string, orderIds: string[]) => {
    const res = await h.request('/trips', { method: 'POST', body: JSON.stringify({ driverId, stops: orderIds.map((orderId) => ({ orderId, kind: 'dropoff' })) }) });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as TripDetail).id;
  };
  const asDriver = (driver: string, path: string, body?: unknown) =>
    h.app.request(path, { method: body === undefined ? 'GET' : 'POST', headers: { authorization: `Bearer ${tokens[driver]}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const thread = (tripId: string, orderId: string) => `/driver/trips/${tripId}/orders/${orderId}/messages`;
  const unreadOf = async (driver: string) => {
    const { trips } = (await (await asDriver(driver, '/driver/trips')).json()) as { trips: DriverTrip[] };
    return Object.fromEntries(trips.flatMap((t) => t.stops.map((s) => [s.orderId, s.unreadMentions])));
  };
  const dispatcherPosts = async (orderId: string, text: string) => {
    const res = await h.request(`/orders/${orderId}/messages`, { method: 'POST', body: JSON.stringify({ text }) });
    expect(res.status).toBe(201);
    return (await res.json()) as ConversationMessage;
  };

  beforeAll(async () => {
    h = await createHarness({ worker: true });
    await seedDemoUsers(h.store.em.fork());
    expect((await h.request('/work-areas', { method: 'POST', role: 'ops_manager', body: JSON.stringify({ id: pool, name: 'Driver talk pool', kind: 'driver_pool', zone: null, capacity: { wipLimit: 20 } }) })).status).toBe(201);
    for (const id of [ana, bo]) {
      expect((await h.request(`/work-areas/${pool}/resources`, { method: 'POST', role: 'ops_manager', body: JSON.stringify({ id, name: `Driver ${id.split('-')[0]}`, kind: 'driver', capacity: 10 }) })).status).toBe(201);
      const issued = await h.request(`/drivers/${id}/tokens`, { method: 'POST', role: 'dispatcher' });
      expect(issued.status).toBe(201);
      tokens[id] = ((await issued.json()) as { token: string }).token;
    }
    [onAnas, alsoAnas, onBos] = [await orderFor(ana), await orderFor(ana), await orderFor(bo)];
    anaTrip = await plan(ana, [onAnas, alsoAnas]);
    boTrip = await plan(bo, [onBos]);
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  it('the driver reads and posts in the thread of an order on their trip; dispatchers see it as the driver’s, and its mentions notify', async () => {
    await dispatcherPosts(onAnas, 'Customer asked for a call before arrival');
    const read = await asDriver(ana, thread(anaTrip, onAnas));
    expect(read.status).toBe(200);
    expect(((await read.json()) as ConversationPage).items.map((m) => m.text)).toEqual(['Customer asked for a call before arrival']);

    const posted = await asDriver(ana, thread(anaTrip, onAnas), { text: 'Called, gate code 4711. @sofia can you note it?' });
    expect(posted.status).toBe(201);
    expect(await posted.json()).toMatchObject({ author: { kind: 'driver', id: ana, name: 'Driver ana' }, mentions: ['sofia'], mentionedDriver: null });

    const seen = (await (await h.request(`/orders/${onAnas}/messages`)).json()) as ConversationPage;
    expect(seen.items[0]).toMatchObject({ text: 'Called, gate code 4711. @sofia can you note it?', author: { kind: 'driver', id: ana, name: 'Driver ana' } });
    const audit = await h.store.em.fork().find(AuditEntryRecord, { subjectType: 'conversation', subjectId: onAnas, action: 'message' }, { orderBy: { at: 'desc' } });
    expect(audit[0]!.actor).toBe(`driver:${ana}`);

    const { password } = DEMO_USERS.find((u) => u.username === 'sofia')!;
    const login = await h.app.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sofia', password }) });
    const sofia = { cookie: login.headers.get('set-cookie')!.split(';')[0]! };
    const notes = (await (await h.app.request('/notifications', { headers: sofia })).json()) as NotificationPage;
    expect(notes.items[0]).toMatchObject({ kind: 'mentioned', title: expect.stringMatching(/^Driver ana mentioned you on order /), read: false });
  });

  it('answers 404 for another driver’s order or trip, an order not on the trip, and a trip that is over, writing nothing', async () => {
    const before = (await (await h.request(`/orders/${onAnas}/messages?limit=100`)).json()) as ConversationPage;
    for (const [driver, tripId, orderId] of [
      [bo, anaTrip, onAnas],
      [bo, boTrip, onAnas],
      [ana, anaTrip, onBos],
      [ana, boTrip, onBos],
      [ana, 'no-such-trip', onAnas],
      [ana, anaTrip, 'no-such-order'],
    ] as const) {
      expect((await asDriver(driver, thread(tripId, orderId))).status, `${driver} reads ${tripId}/${orderId}`).toBe(404);
      expect((await asDriver(driver, thread(tripId, orderId), { text: 'hello' })).status, `${driver} posts on ${tripId}/${orderId}`).toBe(404);
    }
    expect(((await (await h.request(`/orders/${onAnas}/messages?limit=100`)).json()) as ConversationPage).items).toHaveLength(before.items.length);
    expect(((await (await h.request(`/orders/${onBos}/messages?limit=100`)).json()) as ConversationPage).items).toEqual([]);
    expect((await asDriver(ana, thread(anaTrip, onAnas), { text: '   ' })).status).toBe(400);
  });

  it('an @driver mention is unread on the driver’s stop until they read the thread; their own @driver is not', async () => {
    expect(await unreadOf(ana)).toEqual({ [onAnas]: 0, [alsoAnas]: 0 });
    const mention = await dispatcherPosts(alsoAnas, '@driver please ring twice, the bell is broken');
    expect(mention.mentionedDriver).toBe(ana);
    await dispatcherPosts(alsoAnas, '@driver and leave it with the neighbour if needed');
    await dispatcherPosts(alsoAnas, 'internal note, no mention');
    expect(await unreadOf(ana)).toEqual({ [onAnas]: 0, [alsoAnas]: 2 });
    expect(await unreadOf(bo)).toEqual({ [onBos]: 0 });

    // An older page is not the newest: reading it marks nothing.
    expect((await asDriver(ana, `${thread(anaTrip, alsoAnas)}?before=${mention.id}`)).status).toBe(200);
    expect((await unreadOf(ana))[alsoAnas]).toBe(2);
    expect((await asDriver(ana, `${thread(anaTrip, alsoAnas)}?limit=1`)).status).toBe(200);
    expect((await unreadOf(ana))[alsoAnas]).toBe(0);

    const own = (await (await asDriver(ana, thread(anaTrip, alsoAnas), { text: '@driver here: will do' })).json()) as ConversationMessage;
    expect(own.mentionedDriver).toBeNull();
    expect((await unreadOf(ana))[alsoAnas]).toBe(0);
  });

  it('closes the thread to the driver once the trip is cancelled', async () => {
    expect((await asDriver(bo, thread(boTrip, onBos))).status).toBe(200);
    expect((await h.request(`/trips/${boTrip}/cancel`, { method: 'POST', body: JSON.stringify({ reason: 'Driver went home sick' }) })).status).toBe(200);
    await eventually(async () => ((await asDriver(bo, thread(boTrip, onBos))).status === 404 ? true : undefined), 'the thread to close to bo');
    expect((await asDriver(bo, thread(boTrip, onBos), { text: 'still here' })).status).toBe(404);
    // Off a live trip, @driver reaches nobody.
    expect((await dispatcherPosts(onBos, '@driver are you there?')).mentionedDriver).toBeNull();
  });
});
