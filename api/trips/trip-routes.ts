import { z } from 'zod';
import { cancelTripInput, handOverInput, moveStopInput, newTripInput, reorderInput, tripDetail, tripListQuery, tripSummary } from '../../domain/trips/trip.ts';
import { handOverRefusal } from '../../domain/trips/trip-edits.ts';
import { handOverTrip, moveTripOrder, reorderTrip } from '../../store/trips/change-trip.ts';
import { createTrip } from '../../store/trips/create-trip.ts';
import { tripDriver } from '../../store/trips/trip-driver.ts';
import { TripRefusal } from '../../store/trips/trip-refusal.ts';
import { listTrips, readTrip } from '../../store/trips/trips.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { notFound, UserError } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, STANDARD_ERRORS } from '../schemas.ts';
import { reassignToDrivers } from './reassign-to-driver.ts';
import { startTripWorkflows, stepTripVia } from './trip-steps.ts';

const REFUSED = { description: 'The trip cannot take this change now (the message says why and what to do).', schema: errorBody };
const NO_TRIP = { description: 'No such trip.', schema: errorBody };

/** A refusal of the trip's rules or the store, as the 409 a dispatcher reads. */
async function refusalsAsConflicts<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof TripRefusal) throw new UserError(409, 'conflict', err.message);
    throw err;
  }
}

/** Trips (run sheets): a driver's ordered stops, planned, changed by dispatchers, dispatched or cancelled. */
export function tripRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  const tag = 'Trips';
  const detail = async (id: string) => {
    const found = await readTrip(em(), id);
    if (!found) throw notFound(`Trip ${id}`);
    return found;
  };
  /** Changes an existing trip and answers with it as it is now. */
  const change = async (id: string, work: () => Promise<unknown>) => {
    await detail(id);
    await refusalsAsConflicts(work);
    return detail(id);
  };
  const changed = { 200: { description: 'Done: the trip as it is now, with its timeline.', schema: tripDetail }, 404: NO_TRIP, 409: REFUSED, ...STANDARD_ERRORS };

  return [
    defineRoute({
      tag,
      access: 'trips.read',
      method: 'get',
      path: '/trips',
      operationId: 'listTrips',
      summary: 'Trips, newest first',
      query: tripListQuery,
      responses: { 200: { description: 'Up to 200 trips with their stops, filtered by state, driver or an order on them.', schema: z.object({ trips: z.array(tripSummary) }) }, ...STANDARD_ERRORS },
      handler: async (c, { query }) => c.json({ trips: await listTrips(em(), query) }),
    }),
    defineRoute({
      tag,
      access: 'trips.read',
      method: 'get',
      path: '/trips/:id',
      operationId: 'getTrip',
      summary: 'A trip with its stops in order and its timeline',
      params: idParams,
      responses: { 200: { description: 'The trip.', schema: tripDetail }, 404: NO_TRIP, ...STANDARD_ERRORS },
      handler: async (c, { params }) => c.json(await detail(params.id)),
    }),
    defineRoute({
      tag,
      access: 'trips.manage',
      method: 'post',
      path: '/trips',
      operationId: 'planTrip',
      summary: 'Planning a trip for a driver with its stops in order',
      body: newTripInput,
      responses: {
        201: { description: 'Planned: the trip holds its orders until it completes or is cancelled.', schema: tripDetail },
        409: { description: 'A stop, order or driver does not fit (the message names it and says why): nothing was planned.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { body, principal }) => {
        const id = crypto.randomUUID();
        await refusalsAsConflicts(() => createTrip(deps.store.em, { id, driverId: body.driverId, stops: body.stops, note: body.note ?? null, by: actorOf(principal), now: new Date() }));
        await startTripWorkflows(deps, [id]);
        return c.json(await detail(id), 201);
      },
    }),
    defineRoute({
      tag,
      access: 'trips.manage',
      method: 'post',
      path: '/trips/:id/order',
      operationId: 'reorderTripStops',
      summary: "Putting a trip's stops in a new order (pinned and visited stops stay where they are)",
      params: idParams,
      body: reorderInput,
      responses: changed,
      handler: async (c, { params, body, principal }) => c.json(await change(params.id, () => reorderTrip(deps.store.em, params.id, body.stops, { by: actorOf(principal), now: new Date() }))),
    }),
    defineRoute({
      tag,
      access: 'trips.manage',
      method: 'post',
      path: '/trips/:id/moves',
      operationId: 'moveTripOrder',
      summary: "Moving an order's stops (its pickup and drop-off together) to another trip",
      params: idParams,
      body: moveStopInput,
      responses: changed,
      handler: async (c, { params, body, principal }) => c.json(await change(params.id, () => moveTripOrder(deps.store.em, params.id, body, { by: actorOf(principal), now: new Date() }))),
    }),
    defineRoute({
      tag,
      access: 'trips.manage',
      method: 'post',
      path: '/trips/:id/hand-over',
      operationId: 'handOverTrip',
      summary: 'Handing a whole trip to another driver, its stops in the same order (its assigned orders are reassigned to them first)',
      params: idParams,
      body: handOverInput,
      responses: changed,
      handler: async (c, { params, body, principal }) =>
        c.json(
          await change(params.id, async () => {
            // Refused before any order moves: a trip that cannot go to the driver leaves its orders where they are.
            const trip = await detail(params.id);
            const refused = handOverRefusal(trip, body.driverId);
            if (refused) throw new TripRefusal(refused);
            await tripDriver(em(), body.driverId);
            const reassigned = (await reassignToDrivers(deps, em(), [{ driverId: body.driverId, orderIds: trip.stops.map((s) => s.orderId), reason: body.reason }], principal)).get(body.driverId)!;
            await handOverTrip(deps.store.em, params.id, { ...body, reassigned }, { by: actorOf(principal), now: new Date() });
          }),
        ),
    }),
    defineRoute({
      tag,
      access: 'trips.manage',
      method: 'post',
      path: '/trips/:id/dispatch',
      operationId: 'dispatchTrip',
      summary: 'Dispatching a planned trip to its driver',
      params: idParams,
      responses: changed,
      handler: async (c, { params, principal }) => c.json(await change(params.id, () => stepTripVia(deps, params.id, { action: 'dispatch', by: actorOf(principal) }))),
    }),
    defineRoute({
      tag,
      access: 'trips.manage',
      method: 'post',
      path: '/trips/:id/cancel',
      operationId: 'cancelTrip',
      summary: 'Cancelling a trip before its driver starts it: its orders are free for another trip',
      params: idParams,
      body: cancelTripInput,
      responses: changed,
      handler: async (c, { params, body, principal }) =>
        c.json(await change(params.id, () => stepTripVia(deps, params.id, { action: 'cancel', reason: body.reason, by: actorOf(principal) }))),
    }),
  ];
}
