import { z } from 'zod';
import { locationPing } from '../../domain/drivers/driver-profile.ts';
import { driverTrip, stopReportResult } from '../../domain/drivers/driver-trip.ts';
import { stopReport } from '../../domain/drivers/stop-report.ts';
import { recordLocation } from '../../store/drivers/driver-profiles.ts';
import { liveTripsOf, withStops } from '../../store/drivers/driver-trips.ts';
import type { ApiDeps } from '../api-deps.ts';
import type { Principal } from '../auth/principal.ts';
import { UserError } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, STANDARD_ERRORS } from '../schemas.ts';
import { driverTripOf, reportStop } from './report-stop.ts';

/** A fix older than this is not where the driver is; one from the future is a phone's wrong clock. */
const PING_MAX_AGE_MS = 24 * 3_600_000;
const PING_MAX_AHEAD_MS = 5 * 60_000;

export const driverOf = (principal: Principal): string => {
  // The route's policy lets only a driver's token in; this keeps the type honest.
  if (principal.kind !== 'driver') throw new UserError(403, 'forbidden', 'The driver API is for drivers: call it with your driver token.');
  return principal.driverId;
};

const NO_TRIP = { description: 'No such trip among yours (another driver’s trip is as unknown as a missing one).', schema: errorBody };

/** The driver API (`/driver/…`): a driver's own live trips and stops, stop reports and location pings. */
export function driverApiRoutes(deps: ApiDeps) {
  const tag = 'Driver API';
  return [
    defineRoute({
      tag,
      access: 'driver',
      method: 'get',
      path: '/driver/trips',
      operationId: 'myTrips',
      summary: 'My live trips, stops in order',
      responses: { 200: { description: 'Planned, dispatched and in-progress trips, oldest first, each stop with its point, due time and cash to collect.', schema: z.object({ trips: z.array(driverTrip) }) }, ...STANDARD_ERRORS },
      handler: async (c, { principal }) => {
        const em = deps.store.em.fork();
        return c.json({ trips: await withStops(em, await liveTripsOf(em, [driverOf(principal)])) });
      },
    }),
    defineRoute({
      tag,
      access: 'driver',
      method: 'get',
      path: '/driver/trips/:id',
      operationId: 'myTrip',
      summary: 'One of my trips',
      params: idParams,
      responses: { 200: { description: 'The trip, stops in order.', schema: driverTrip }, 404: NO_TRIP, ...STANDARD_ERRORS },
      handler: async (c, { params, principal }) => c.json(await driverTripOf(deps, driverOf(principal), params.id)),
    }),
    defineRoute({
      tag,
      access: 'driver',
      method: 'post',
      path: '/driver/trips/:id/reports',
      operationId: 'reportStop',
      summary: 'Reporting a stop: arrived, picked up or delivered (done), or failed with a reason',
      params: idParams,
      body: stopReport,
      responses: {
        200: { description: 'Recorded (or, the same report again, nothing to do): the trip as it is now.', schema: stopReportResult },
        404: { description: 'No such trip among yours, or no such stop on it.', schema: errorBody },
        409: { description: 'The report does not fit the trip, the stop, the order or the cash rules (the message says why): nothing was recorded.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params, body, principal }) => {
        const driverId = driverOf(principal);
        const { repeated } = await reportStop(deps, driverId, params.id, body, new Date());
        return c.json({ repeated, trip: await driverTripOf(deps, driverId, params.id) });
      },
    }),
    defineRoute({
      tag,
      access: 'driver',
      method: 'post',
      path: '/driver/location',
      operationId: 'reportLocation',
      summary: 'Sending where I am',
      body: locationPing,
      responses: { 200: { description: 'Kept if it is the newest fix the driver has sent.', schema: z.object({ kept: z.boolean() }) }, ...STANDARD_ERRORS },
      handler: async (c, { body, principal }) => {
        const at = new Date(body.at);
        const age = Date.now() - at.getTime();
        if (age > PING_MAX_AGE_MS || age < -PING_MAX_AHEAD_MS)
          throw new UserError(400, 'invalid_request', 'The fix time is more than a day old or ahead of the clock: check the phone’s clock.', [{ path: 'at', message: 'within the last day' }]);
        return c.json({ kept: await recordLocation(deps.store.em.fork(), driverOf(principal), { lat: body.lat, lng: body.lng, at }) });
      },
    }),
  ];
}
