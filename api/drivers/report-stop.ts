import { stopOrderActions } from '../../domain/drivers/stop-order-actions.ts';
import { cashRefusal, type StopReport } from '../../domain/drivers/stop-report.ts';
import { stopReportStep, stopStatusOf } from '../../domain/drivers/stop-report-step.ts';
import type { DriverTrip } from '../../domain/drivers/driver-trip.ts';
import type { TripState } from '../../domain/trips/trip.ts';
import { driverResource } from '../../store/drivers/driver-profiles.ts';
import { DriverRefusal } from '../../store/drivers/driver-refusal.ts';
import { tripOfDriver, withStops } from '../../store/drivers/driver-trips.ts';
import { settleStop } from '../../store/drivers/settle-stop.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { TripRecord, TripStopRecord } from '../../store/trips/trip.entity.ts';
import { TripRefusal } from '../../store/trips/trip-refusal.ts';
import type { ApiDeps } from '../api-deps.ts';
import { notFound, UserError } from '../errors.ts';
import { performAction } from '../order-actions.ts';
import { stepTripVia } from '../trips/trip-steps.ts';

const refused = (message: string) => new UserError(409, 'conflict', message);
type Deps = Pick<ApiDeps, 'store' | 'temporal' | 'taskQueue'>;
const REACHED: Record<'start' | 'complete', readonly TripState[]> = { start: ['in_progress', 'completed'], complete: ['completed'] };

/**
 * A step the driver's reports take the trip through (its first report starts it, the one that settles its
 * last stop completes it), under one update id per trip and step: reports at the same moment take it once.
 * A refusal because another report took the step just before is no refusal.
 */
async function takeTripStep(deps: Deps, tripId: string, action: 'start' | 'complete', by: string): Promise<void> {
  try {
    await stepTripVia(deps, tripId, { action, by }, `trip-step:${tripId}:${action}`);
  } catch (err) {
    if (!(err instanceof TripRefusal)) throw err;
    const now = await deps.store.em.fork().findOne(TripRecord, { id: tripId }, { fields: ['state'] });
    if (now && REACHED[action].includes(now.state)) return;
    throw refused(err.message);
  }
}

/** A driver's trip as the app shows it; 404 for a trip that is not theirs, as for one that does not exist. */
export async function driverTripOf(deps: Pick<ApiDeps, 'store'>, driverId: string, tripId: string): Promise<DriverTrip> {
  const em = deps.store.em.fork();
  const trip = await tripOfDriver(em, driverId, tripId);
  if (!trip) throw notFound(`Trip ${tripId}`);
  return (await withStops(em, [trip]))[0]!;
}

/**
 * A driver's report of a stop: the order goes through its lifecycle first (the same actions a dispatcher
 * takes, each under an update id made from the report, so a resent report joins the first and never acts
 * twice), then the trip's workflow starts the trip if this is its first report, the stop moves in the store,
 * and the workflow completes the trip when no stop is left open. The same report again changes nothing but
 * finishes what a report cut short left (a trip whose last stop is settled but which is not completed).
 */
export async function reportStop(deps: Deps, driverId: string, tripId: string, report: StopReport, now: Date): Promise<{ repeated: boolean }> {
  const em = deps.store.em.fork();
  const trip = await tripOfDriver(em, driverId, tripId);
  if (!trip) throw notFound(`Trip ${tripId}`);
  const stop = await em.findOne(TripStopRecord, { tripId, orderId: report.orderId, kind: report.kind }, { refresh: true });
  if (!stop) throw notFound(`The ${report.kind === 'pickup' ? 'pickup' : 'drop-off'} of order ${report.orderId} on trip ${tripId}`);
  const step = stopReportStep(trip.state, stop.status, report.status);
  if (step === 'repeat') {
    if (trip.state === 'in_progress' && (await em.count(TripStopRecord, { tripId, status: { $in: ['pending', 'arrived'] } })) === 0) await takeTripStep(deps, tripId, 'complete', `driver:${driverId}`);
    return { repeated: true };
  }
  if (typeof step === 'object') throw refused(step.refused);

  const order = await em.findOneOrFail(OrderRecord, { id: report.orderId }, { refresh: true });
  const driver = await driverResource(em, driverId);
  const cash = cashRefusal(report, order, driver?.carrierType ?? 'internal');
  if (cash) throw refused(cash);
  const plan = stopOrderActions(order.kind, order.state, report.kind, report.status);
  if ('refused' in plan) throw refused(plan.refused);

  const actor = { name: `driver:${driverId}`, roles: ['dispatcher' as const] };
  for (const action of plan.actions) {
    const detail = action === 'fail_attempt' ? { reason: report.reason } : action === 'deliver' && report.cashCollected !== undefined ? { amount: report.cashCollected } : {};
    await performAction(deps, report.orderId, { action, ...detail }, actor, { updateId: `stop-report:${tripId}:${report.kind}:${report.orderId}:${report.status}:${action}` });
  }
  if (trip.state === 'dispatched') await takeTripStep(deps, tripId, 'start', actor.name);
  try {
    const settled = await settleStop(deps.store.em, {
      tripId,
      driverId,
      orderId: report.orderId,
      kind: report.kind,
      from: stop.status,
      to: stopStatusOf(report.status),
      reason: report.reason ?? null,
      data: { ...(report.cashCollected !== undefined ? { cashCollected: report.cashCollected } : {}), ...(report.proof ? { proof: report.proof } : {}), orderActions: plan.actions },
      by: actor.name,
      now,
    });
    if (settled.openStops === 0) await takeTripStep(deps, tripId, 'complete', actor.name);
    return { repeated: settled.outcome === 'repeat' };
  } catch (err) {
    if (err instanceof DriverRefusal) throw refused(err.message);
    throw err;
  }
}
