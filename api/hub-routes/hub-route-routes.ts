import { z } from 'zod';
import { route, routeInput, routeUpdate } from '../../domain/routes/route.ts';
import { acceptOffersInput, newSessionInput, routeSession, sessionOffer, sessionStepInput } from '../../domain/routes/route-session.ts';
import { SESSION_ACTIONS, type SessionAction } from '../../domain/routes/session-machine.ts';
import { paragraph } from '../../domain/text.ts';
import { createRoute, listRoutes, readRoute, retireRoute, updateRoute } from '../../store/routes/hub-routes.ts';
import { RouteRefusal } from '../../store/routes/route-refusal.ts';
import { sessionStepResult } from '../../domain/routes/session-order-actions.ts';
import { listSessions, openSession, readSession } from '../../store/routes/route-sessions.ts';
import { acceptOffers, sessionOffers } from '../../store/routes/session-offers.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { notFound, UserError } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { takeSessionStep } from './session-step.ts';
import { errorBody, idParams, STANDARD_ERRORS } from '../schemas.ts';

const REFUSED = { description: 'The route or session cannot take this change now (the message says why and what to do).', schema: errorBody };
const NOT_FOUND = { description: 'No such route or session.', schema: errorBody };

async function refusalsAsConflicts<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof RouteRefusal) throw new UserError(409, 'conflict', err.message);
    throw err;
  }
}

const PATHS: Record<SessionAction, string> = { start: 'start', pick_up: 'pick-up', depart: 'depart', complete: 'complete', cancel: 'cancel' };
const SUMMARIES: Record<SessionAction, string> = {
  start: 'Starting a route session',
  pick_up: "Marking a session's goods loaded at the hub: its orders are picked up",
  depart: 'Sending a session on its way: its orders go in transit',
  complete: 'Completing a session: its orders are free for another, and those not delivered are named',
  cancel: 'Cancelling a session before its goods are loaded',
};

/** Routes (reusable stop patterns, e.g. a daily hub run) and their sessions (one run on a day or shift), with the orders offered to them. */
export function hubRouteRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  const who = (principal: Parameters<typeof actorOf>[0]) => ({ by: actorOf(principal), now: new Date() });
  const tag = 'Routes';
  const routeDetail = async (id: string) => {
    const found = await readRoute(em(), id);
    if (!found) throw notFound(`Route ${id}`);
    return found;
  };
  const sessionDetail = async (id: string) => {
    const found = await readSession(em(), id);
    if (!found) throw notFound(`Route session ${id}`);
    return found;
  };
  const routeChanged = { 200: { description: 'The route as it is now.', schema: route }, 404: NOT_FOUND, 409: REFUSED, ...STANDARD_ERRORS };
  const sessionChanged = { 200: { description: 'The session as it is now, with its orders.', schema: routeSession }, 404: NOT_FOUND, 409: REFUSED, ...STANDARD_ERRORS };

  return [
    defineRoute({
      tag,
      access: 'routes.read',
      method: 'get',
      path: '/hub-routes',
      operationId: 'listRoutes',
      summary: 'Routes by name',
      query: z.strictObject({ active: z.enum(['true', 'false']).optional() }),
      responses: { 200: { description: 'Up to 200 routes.', schema: z.object({ routes: z.array(route) }) }, ...STANDARD_ERRORS },
      handler: async (c, { query }) => c.json({ routes: await listRoutes(em(), { active: query.active === undefined ? undefined : query.active === 'true' }) }),
    }),
    defineRoute({
      tag,
      access: 'routes.read',
      method: 'get',
      path: '/hub-routes/:id',
      operationId: 'getRoute',
      summary: 'A route with its stops and drivers',
      params: idParams,
      responses: { 200: { description: 'The route.', schema: route }, 404: NOT_FOUND, ...STANDARD_ERRORS },
      handler: async (c, { params }) => c.json(await routeDetail(params.id)),
    }),
    defineRoute({
      tag,
      access: 'routes.manage',
      method: 'post',
      path: '/hub-routes',
      operationId: 'createRoute',
      summary: 'Creating a route: its stops in order, what each serves, and its drivers',
      body: routeInput,
      responses: { 201: { description: 'Created.', schema: route }, 409: REFUSED, ...STANDARD_ERRORS },
      handler: async (c, { body, principal }) => {
        const id = crypto.randomUUID();
        await refusalsAsConflicts(() => createRoute(deps.store.em, id, body, who(principal)));
        return c.json(await routeDetail(id), 201);
      },
    }),
    defineRoute({
      tag,
      access: 'routes.manage',
      method: 'put',
      path: '/hub-routes/:id',
      operationId: 'updateRoute',
      summary: 'Changing a route, from the version read',
      params: idParams,
      body: routeUpdate,
      responses: routeChanged,
      handler: async (c, { params, body, principal }) => {
        await routeDetail(params.id);
        await refusalsAsConflicts(() => updateRoute(deps.store.em, params.id, body, who(principal)));
        return c.json(await routeDetail(params.id));
      },
    }),
    defineRoute({
      tag,
      access: 'routes.manage',
      method: 'post',
      path: '/hub-routes/:id/retire',
      operationId: 'retireRoute',
      summary: 'Retiring a route: it opens no more sessions',
      params: idParams,
      body: z.strictObject({ reason: paragraph(500, 'say why the route is retired') }),
      responses: routeChanged,
      handler: async (c, { params, body, principal }) => {
        await routeDetail(params.id);
        await refusalsAsConflicts(() => retireRoute(deps.store.em, params.id, body.reason, who(principal)));
        return c.json(await routeDetail(params.id));
      },
    }),
    defineRoute({
      tag,
      access: 'routes.read',
      method: 'get',
      path: '/hub-routes/:id/sessions',
      operationId: 'listRouteSessions',
      summary: "A route's sessions, newest day first",
      params: idParams,
      responses: { 200: { description: 'Up to 200 sessions with their orders.', schema: z.object({ sessions: z.array(routeSession) }) }, 404: NOT_FOUND, ...STANDARD_ERRORS },
      handler: async (c, { params }) => {
        await routeDetail(params.id);
        return c.json({ sessions: await listSessions(em(), params.id) });
      },
    }),
    defineRoute({
      tag,
      access: 'routes.manage',
      method: 'post',
      path: '/hub-routes/:id/sessions',
      operationId: 'openRouteSession',
      summary: 'Opening a session of a route on a day (and shift)',
      params: idParams,
      body: newSessionInput,
      responses: { 201: { description: 'Open: offered orders can join it.', schema: routeSession }, 404: NOT_FOUND, 409: REFUSED, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => {
        await routeDetail(params.id);
        const id = crypto.randomUUID();
        await refusalsAsConflicts(() => openSession(deps.store.em, id, { routeId: params.id, ...body }, who(principal)));
        return c.json(await sessionDetail(id), 201);
      },
    }),
    defineRoute({
      tag,
      access: 'routes.read',
      method: 'get',
      path: '/route-sessions/:id',
      operationId: 'getRouteSession',
      summary: 'A route session with its orders',
      params: idParams,
      responses: { 200: { description: 'The session.', schema: routeSession }, 404: NOT_FOUND, ...STANDARD_ERRORS },
      handler: async (c, { params }) => c.json(await sessionDetail(params.id)),
    }),
    defineRoute({
      tag,
      access: 'routes.read',
      method: 'get',
      path: '/route-sessions/:id/offers',
      operationId: 'listRouteSessionOffers',
      summary: 'The orders an open session could take, with the stop that serves each and why',
      params: idParams,
      responses: { 200: { description: 'Up to 500 offers, soonest due first.', schema: z.object({ offers: z.array(sessionOffer) }) }, 404: NOT_FOUND, 409: REFUSED, ...STANDARD_ERRORS },
      handler: async (c, { params }) => {
        await sessionDetail(params.id);
        return c.json({ offers: await refusalsAsConflicts(() => sessionOffers(em(), params.id)) });
      },
    }),
    defineRoute({
      tag,
      access: 'routes.manage',
      method: 'post',
      path: '/route-sessions/:id/orders',
      operationId: 'acceptRouteSessionOffers',
      summary: 'Taking offered orders into an open session (all or none)',
      params: idParams,
      body: acceptOffersInput,
      responses: sessionChanged,
      handler: async (c, { params, body, principal }) => {
        await sessionDetail(params.id);
        await refusalsAsConflicts(() => acceptOffers(deps.store.em, params.id, body.orderIds, who(principal)));
        return c.json(await sessionDetail(params.id));
      },
    }),
    ...SESSION_ACTIONS.map((action) =>
      defineRoute({
        tag,
        access: 'routes.manage',
        method: 'post',
        path: `/route-sessions/:id/${PATHS[action]}`,
        operationId: `${action.replace(/_(\w)/g, (_, ch: string) => ch.toUpperCase())}RouteSession`,
        summary: SUMMARIES[action],
        params: idParams,
        body: sessionStepInput,
        responses: {
          200: { description: 'The session as it is now, with what the step did to each of its orders (acted, skipped or refused, with why) and, on completion, the orders not delivered.', schema: sessionStepResult },
          404: NOT_FOUND,
          409: REFUSED,
          ...STANDARD_ERRORS,
        },
        handler: async (c, { params, body, principal }) => {
          await sessionDetail(params.id);
          const taken = await takeSessionStep(deps, params.id, { action, reason: body.reason ?? null, actor: { name: actorOf(principal), roles: principal.roles }, now: new Date() });
          return c.json({ ...(await sessionDetail(params.id)), ...taken });
        },
      }),
    ),
  ];
}
