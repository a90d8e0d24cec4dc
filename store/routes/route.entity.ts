import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { RouteStop } from '../../domain/routes/route.ts';
import type { SessionState } from '../../domain/routes/route-session.ts';

/**
 * A reusable pattern of stops (a daily hub run) and the drivers who run it. Stops are a JSON list: they are
 * read and written whole with the route. Every change moves `version` by a conditional update.
 */
export const HubRouteRecord = defineEntity({
  name: 'HubRouteRecord',
  tableName: 'hub_routes',
  properties: {
    id: p.string().primary(),
    name: p.string(),
    warehouse: p.string().nullable(),
    zone: p.string().nullable(),
    stops: p.json<RouteStop[]>(),
    driverIds: p.json<string[]>(),
    /** A retired route keeps its sessions' history and opens no more. */
    active: p.boolean().default(true),
    version: p.integer().default(0),
    createdBy: p.string(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});
export type HubRouteRecord = InferEntity<typeof HubRouteRecord>;

/** One run of a route on a day (and shift); its state moves by a conditional update on the state read. */
export const RouteSessionRecord = defineEntity({
  name: 'RouteSessionRecord',
  tableName: 'route_sessions',
  properties: {
    id: p.string().primary(),
    routeId: p.string().index(),
    day: p.string(),
    shift: p.string().nullable(),
    driverId: p.string().nullable(),
    state: p.string().$type<SessionState>(),
    version: p.integer().default(0),
    createdBy: p.string(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});
export type RouteSessionRecord = InferEntity<typeof RouteSessionRecord>;

/**
 * Which live session holds an order: the primary key on the order makes "an order is in at most one live
 * session" the database's rule. The row goes when its session completes or is cancelled.
 */
export const RouteSessionOrderRecord = defineEntity({
  name: 'RouteSessionOrderRecord',
  tableName: 'route_session_orders',
  properties: {
    orderId: p.string().primary(),
    sessionId: p.string().index(),
    /** The route stop that serves the order. */
    stop: p.string(),
  },
});
export type RouteSessionOrderRecord = InferEntity<typeof RouteSessionOrderRecord>;
