import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { isLiveSession, SESSION_STATE_LABELS, type RouteSession, type SessionState } from '../../domain/routes/route-session.ts';
import { nextSessionState, sessionRefusal, type SessionAction } from '../../domain/routes/session-machine.ts';
import { insertAudit } from '../audit-log.ts';
import { inTransaction } from '../in-transaction.ts';
import { ResourceRecord } from '../resource.entity.ts';
import { sqlOn } from '../sql.ts';
import { HubRouteRecord, RouteSessionOrderRecord, RouteSessionRecord } from './route.entity.ts';
import { RouteRefusal } from './route-refusal.ts';

interface ByWhom {
  by: string;
  now: Date;
}

/** A route's sessions as a list shows them: a season of daily runs, newest first. */
export const SESSION_PAGE = 200;

/** Opens one run of an active route on a day (and shift), with one of the route's drivers if named. */
export async function openSession(em: EntityManager, id: string, input: { routeId: string; day: string; shift: string | null; driverId: string | null }, who: ByWhom): Promise<void> {
  await inTransaction(em, async (tx) => {
    const route = await tx.findOne(HubRouteRecord, { id: input.routeId });
    if (!route) throw new RouteRefusal(`No route ${input.routeId}.`);
    if (!route.active) throw new RouteRefusal(`Route ${route.name} is retired: it opens no more sessions.`);
    if (input.driverId !== null && !route.driverIds.includes(input.driverId))
      throw new RouteRefusal(`${input.driverId} is not one of route ${route.name}'s drivers (${route.driverIds.join(', ') || 'none yet'}): add them to the route first.`);
    if (input.driverId !== null && !(await tx.findOne(ResourceRecord, { id: input.driverId, kind: 'driver' }))) throw new RouteRefusal(`No driver ${input.driverId}.`);
    const twin = await tx.findOne(RouteSessionRecord, { routeId: route.id, day: input.day, shift: input.shift, state: { $nin: ['completed', 'cancelled'] } });
    if (twin) throw new RouteRefusal(`Route ${route.name} already has a session for ${input.day}${input.shift ? ` (${input.shift})` : ''}: ${twin.id}. Use it, or name another shift.`);
    tx.create(RouteSessionRecord, { id, routeId: route.id, day: input.day, shift: input.shift, driverId: input.driverId, state: 'open', version: 0, createdBy: who.by, createdAt: who.now, updatedAt: who.now });
    await tx.flush();
    await insertAudit(tx, { dedupeKey: `route_session:${id}:open`, subjectType: 'route_session', subjectId: id, action: 'open', toState: 'open', actor: who.by, at: who.now, data: { routeId: route.id, day: input.day, shift: input.shift, driverId: input.driverId } });
  });
}

/**
 * One step of a session's lifecycle as the machine allows it: the state moves by a conditional update (`state =`
 * the state read) with its audit entry. A session that completes or is cancelled lets go of its orders.
 */
export async function stepSession(em: EntityManager, id: string, step: { action: SessionAction; reason?: string | null } & ByWhom): Promise<SessionState> {
  return inTransaction(em, async (tx) => {
    const session = await tx.findOne(RouteSessionRecord, { id }, { refresh: true });
    if (!session) throw new RouteRefusal(`No route session ${id}.`);
    const to = nextSessionState(session.state, step.action);
    if (!to) throw new RouteRefusal(sessionRefusal(session.state, step.action));
    const moved = await tx.nativeUpdate(RouteSessionRecord, { id, state: session.state }, { state: to, version: session.version + 1, updatedAt: step.now });
    if (moved === 0) throw new RouteRefusal('Someone else acted on this session at the same moment. Nothing was changed; look at it again.');
    if (!isLiveSession(to)) await sql`delete from route_session_orders where session_id = ${id}`.execute(sqlOn(tx));
    await insertAudit(tx, { dedupeKey: `route_session:${id}:${step.action}`, subjectType: 'route_session', subjectId: id, action: step.action, fromState: session.state, toState: to, actor: step.by, reason: step.reason || null, at: step.now });
    return to;
  });
}

async function sessionsOf(em: EntityManager, rows: readonly RouteSessionRecord[]): Promise<RouteSession[]> {
  const claims = await em.find(RouteSessionOrderRecord, { sessionId: { $in: rows.map((r) => r.id) } }, { orderBy: { orderId: 'asc' } });
  return rows.map((r) => ({
    id: r.id,
    routeId: r.routeId,
    day: r.day,
    shift: r.shift ?? null,
    driverId: r.driverId ?? null,
    state: r.state,
    orders: claims.filter((c) => c.sessionId === r.id).map((c) => ({ orderId: c.orderId, stop: c.stop })),
    version: r.version,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function listSessions(em: EntityManager, routeId: string): Promise<RouteSession[]> {
  return sessionsOf(em, await em.find(RouteSessionRecord, { routeId }, { orderBy: { day: 'desc', createdAt: 'desc' }, limit: SESSION_PAGE }));
}

export async function readSession(em: EntityManager, id: string): Promise<RouteSession | null> {
  const row = await em.findOne(RouteSessionRecord, { id }, { refresh: true });
  return row ? (await sessionsOf(em, [row]))[0]! : null;
}

/** Words for a session's state, for refusals that name it. */
export const sessionStateWords = (state: SessionState) => SESSION_STATE_LABELS[state].toLowerCase();
