import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { DELIVERY_KINDS } from '../../domain/last-mile.ts';
import type { OrderState } from '../../domain/lifecycle.ts';
import { routeMatch, type OfferCandidate } from '../../domain/routes/offers.ts';
import type { SessionOffer } from '../../domain/routes/route-session.ts';
import { insertAudit } from '../audit-log.ts';
import { inTransaction } from '../in-transaction.ts';
import { OrderRecord } from '../order.entity.ts';
import { sqlOn } from '../sql.ts';
import { HubRouteRecord, RouteSessionOrderRecord, RouteSessionRecord } from './route.entity.ts';
import { RouteRefusal } from './route-refusal.ts';
import { sessionStateWords } from './route-sessions.ts';

/** Orders waiting for a run: released to a pool or assigned, not yet collected. */
const OFFERABLE: OrderState[] = ['released', 'assigned'];
/** Orders read per offer list, soonest due first: a hub run takes a few hundred at most. */
const CANDIDATES = 2_000;
export const MAX_OFFERS = 500;

const candidateOf = (o: OrderRecord): OfferCandidate => ({
  id: o.id,
  kind: o.kind,
  zone: o.zone ?? null,
  account: o.account,
  pickup: o.pickupLat != null && o.pickupLng != null ? { lat: o.pickupLat, lng: o.pickupLng } : null,
  dropoff: o.dropoffLat != null && o.dropoffLng != null ? { lat: o.dropoffLat, lng: o.dropoffLng } : null,
});

async function liveSession(em: EntityManager, id: string): Promise<{ session: RouteSessionRecord; route: HubRouteRecord }> {
  const session = await em.findOne(RouteSessionRecord, { id }, { refresh: true });
  if (!session) throw new RouteRefusal(`No route session ${id}.`);
  if (session.state !== 'open') throw new RouteRefusal(`The session is ${sessionStateWords(session.state)}: orders join a session only while it is open.`);
  const route = await em.findOneOrFail(HubRouteRecord, { id: session.routeId });
  return { session, route };
}

const scope = (route: HubRouteRecord) => ({ ...(route.warehouse ? { warehouse: route.warehouse } : {}), ...(route.zone ? { zone: route.zone } : {}) });

/**
 * The orders an open session could take: delivery orders waiting for a run, in the route's warehouse and zone
 * when it keeps to one, in no live session yet, that one of its stops serves (domain/routes/offers.ts).
 */
export async function sessionOffers(em: EntityManager, sessionId: string): Promise<SessionOffer[]> {
  const { route } = await liveSession(em, sessionId);
  const orders = await em.find(OrderRecord, { kind: { $in: [...DELIVERY_KINDS] }, state: { $in: OFFERABLE }, ...scope(route) }, { orderBy: { dueAt: 'asc', id: 'asc' }, limit: CANDIDATES });
  const taken = new Set((await em.find(RouteSessionOrderRecord, { orderId: { $in: orders.map((o) => o.id) } }, { fields: ['orderId'] })).map((c) => c.orderId));
  const offers: SessionOffer[] = [];
  for (const order of orders) {
    if (taken.has(order.id)) continue;
    const match = routeMatch(candidateOf(order), route.stops);
    if (match) offers.push({ orderId: order.id, reference: order.reference ?? null, account: order.account, kind: order.kind, state: order.state, ...match });
    if (offers.length === MAX_OFFERS) break;
  }
  return offers;
}

/**
 * Takes offered orders into an open session, all or none. Each claim's primary key is the order, so an order
 * already in a live session (or being taken by another at this moment) is refused, naming the session.
 */
export async function acceptOffers(em: EntityManager, sessionId: string, orderIds: readonly string[], who: { by: string; now: Date }): Promise<void> {
  await inTransaction(em, async (tx) => {
    const { session, route } = await liveSession(tx, sessionId);
    // Moving the version on the state read holds the session open for this transaction: a cancel at the same moment waits or loses.
    const held = await tx.nativeUpdate(RouteSessionRecord, { id: sessionId, state: 'open', version: session.version }, { version: session.version + 1, updatedAt: who.now });
    if (held === 0) throw new RouteRefusal('Someone else changed this session at the same moment. Nothing was changed; look at it again.');
    const ids = [...new Set(orderIds)];
    const orders = new Map((await tx.find(OrderRecord, { id: { $in: ids } })).map((o) => [o.id, o]));
    const db = sqlOn(tx);
    const stops: Record<string, string> = {};
    for (const id of ids) {
      const order = orders.get(id);
      if (!order) throw new RouteRefusal(`No order ${id}.`);
      if (!(DELIVERY_KINDS as readonly string[]).includes(order.kind)) throw new RouteRefusal(`Order ${id} is a ${order.kind} order: route sessions carry deliveries.`);
      if (!OFFERABLE.includes(order.state)) throw new RouteRefusal(`Order ${id} is ${order.state.replaceAll('_', ' ')}: a session takes orders released or assigned, not yet collected.`);
      const outside = Object.entries(scope(route)).find(([k, v]) => order[k as 'warehouse' | 'zone'] !== v);
      if (outside) throw new RouteRefusal(`Order ${id} is not in route ${route.name}'s ${outside[0]} ${outside[1]}.`);
      const match = routeMatch(candidateOf(order), route.stops);
      if (!match) throw new RouteRefusal(`No stop of route ${route.name} serves order ${id} (its kind, zone, account or location): it is not on offer.`);
      const { rows } = await sql`insert into route_session_orders (order_id, session_id, stop) values (${id}, ${sessionId}, ${match.stop}) on conflict (order_id) do nothing returning order_id`.execute(db);
      if (rows.length === 0) {
        const holder = await sql<{ session_id: string }>`select session_id from route_session_orders where order_id = ${id}`.execute(db);
        throw new RouteRefusal(`Order ${id} is already in route session ${holder.rows[0]?.session_id ?? 'another session'}: an order runs in one session at a time.`);
      }
      stops[id] = match.stop;
    }
    await insertAudit(tx, { dedupeKey: `route_session:${sessionId}:accept:${session.version}`, subjectType: 'route_session', subjectId: sessionId, action: 'accept_orders', actor: who.by, at: who.now, data: { orders: stops } });
  });
}
