import { z } from 'zod';
import type { PlanningOrder } from '../../domain/trip-planning/planning-order.ts';
import { planTrips } from '../../domain/trip-planning/plan-trips.ts';
import { planCommitInput, planPreviewInput, PLAN_MAX_DRIVERS, PLAN_MAX_ORDERS, tripPlanPreview, type OrderBasis } from '../../domain/trip-planning/trip-plan.ts';
import { tripDetail } from '../../domain/trips/trip.ts';
import type { EntityManager } from '@mikro-orm/sql';
import { warehouseLocation } from '../../store/inventory/warehouse-settings.ts';
import { commitPlan, planRefusal } from '../../store/trip-planning/commit-plan.ts';
import { planningDrivers } from '../../store/trip-planning/planning-drivers.ts';
import { planningOrders } from '../../store/trip-planning/planning-orders.ts';
import { tripDriver } from '../../store/trips/trip-driver.ts';
import { TripRefusal } from '../../store/trips/trip-refusal.ts';
import { readTrip } from '../../store/trips/trips.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { UserError } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, STANDARD_ERRORS } from '../schemas.ts';
import { reassignToDrivers } from './reassign-to-driver.ts';
import { startTripWorkflows } from './trip-steps.ts';

const tooMany = (message: string) => new UserError(400, 'invalid_request', message);

/** The depot: the warehouse asked for, or the one most of the orders leave from; refused without a location. */
async function depotOf(em: EntityManager, zone: string, asked: string | undefined, orders: readonly PlanningOrder[]) {
  const counts = new Map<string, number>();
  for (const o of orders) if (o.warehouse) counts.set(o.warehouse, (counts.get(o.warehouse) ?? 0) + 1);
  const warehouse = asked ?? [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  if (!warehouse) throw new UserError(409, 'conflict', `The orders of zone ${zone} name no warehouse: choose the warehouse their trips leave from.`);
  const depot = await warehouseLocation(em, warehouse);
  if (!depot) throw new UserError(409, 'conflict', `Warehouse ${warehouse} has no location, so trips cannot start from it: set its location under Inventory → Warehouses.`);
  return { warehouse, depot };
}

/** Trip planning: a proposal of trips for a zone's waiting orders and drivers, and its commit once a dispatcher accepts it. */
export function tripPlanRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  const tag = 'Trips';
  return [
    defineRoute({
      tag,
      access: 'trips.manage',
      method: 'post',
      path: '/trips/plan/preview',
      operationId: 'previewTripPlan',
      summary: "Proposing trips for a zone's waiting orders and drivers (nothing is stored)",
      body: planPreviewInput,
      responses: {
        200: { description: 'Proposed trips with stops, arrival times, distance and duration; each unplanned order with why; the basis to commit with.', schema: tripPlanPreview },
        409: { description: 'Nothing to plan, or no depot to plan from (the message says what to do).', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { body }) => {
        const now = new Date();
        const read = em();
        const drivers = await planningDrivers(read, { zone: body.zone, driverIds: body.driverIds, limit: PLAN_MAX_DRIVERS + 1 }, now);
        if (drivers.unknown.length > 0)
          throw new UserError(400, 'invalid_request', `No driver ${drivers.unknown.join(', ')} in a driver pool: choose drivers of a driver pool.`, [{ path: 'driverIds', message: 'not a driver of a driver pool' }]);
        if (drivers.drivers.length + drivers.leftOut.length > PLAN_MAX_DRIVERS)
          throw tooMany(`Zone ${body.zone} has more than ${PLAN_MAX_DRIVERS} available drivers: a preview plans for at most ${PLAN_MAX_DRIVERS}. Choose the drivers (driverIds).`);
        const orders = await planningOrders(read, body.zone, PLAN_MAX_ORDERS + 1);
        if (orders.length > PLAN_MAX_ORDERS)
          throw tooMany(`Zone ${body.zone} has more than ${PLAN_MAX_ORDERS.toLocaleString('en')} orders waiting for a trip: a preview plans at most ${PLAN_MAX_ORDERS.toLocaleString('en')}. Plan a smaller zone, or commit a plan and preview the rest.`);
        if (orders.length === 0) throw new UserError(409, 'conflict', `Zone ${body.zone} has no released or assigned delivery orders waiting for a trip.`);
        const { warehouse, depot } = await depotOf(read, body.zone, body.warehouse, orders);
        const proposal = planTrips({ zone: body.zone, warehouse, depot, now, orders, drivers: drivers.drivers });
        return c.json({ ...proposal, driversLeftOut: drivers.leftOut });
      },
    }),
    defineRoute({
      tag,
      access: 'trips.manage',
      method: 'post',
      path: '/trips/plan/commit',
      operationId: 'commitTripPlan',
      summary: "Planning a preview's trips, all in one transaction",
      body: planCommitInput,
      responses: {
        201: { description: 'Planned: the trips as they are now. Assigned orders went to their trip\'s driver first (reassigned, audited on the order).', schema: z.object({ trips: z.array(tripDetail) }) },
        409: { description: 'An order was put on a trip or changed since the preview, or does not fit its trip (the message names it): nothing was planned.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { body, principal }) => {
        const refusal = async (work: () => Promise<string | null>) => {
          const refused = await work();
          if (refused) throw new UserError(409, 'conflict', refused);
        };
        await refusal(() => planRefusal(em(), { trips: body.trips, expected: body.basis }));
        // Every driver checked before any order is reassigned: a plan refused for its driver moves no order.
        for (const driverId of new Set(body.trips.map((t) => t.driverId)))
          await refusal(() => tripDriver(em(), driverId).then(() => null, (err: unknown) => (err instanceof TripRefusal ? err.message : Promise.reject(err))));
        const expected = new Map<string, OrderBasis>(body.basis.map((b) => [b.orderId, b]));
        const trips = body.trips.map((t) => ({ driverId: t.driverId, orderIds: t.stops.map((s) => s.orderId), reason: `Planned on ${t.driverId}'s trip` }));
        for (const [driverId, reassigned] of await reassignToDrivers(deps, em(), trips, principal))
          for (const id of reassigned) expected.set(id, { ...expected.get(id)!, assignee: driverId });
        try {
          const ids = await commitPlan(deps.store.em, { trips: body.trips, expected: [...expected.values()], note: body.note || 'Planned with the trip planner', by: actorOf(principal), now: new Date() });
          await startTripWorkflows(deps, ids);
          const trips = await Promise.all(ids.map((id) => readTrip(em(), id)));
          return c.json({ trips: trips.filter((t) => t !== null) }, 201);
        } catch (err) {
          if (err instanceof TripRefusal) throw new UserError(409, 'conflict', err.message);
          throw err;
        }
      },
    }),
  ];
}
