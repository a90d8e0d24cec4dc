import { stopOrderActions } from '../../domain/drivers/stop-order-actions.ts';
import { cashRefusal, type StopReport } from '../../domain/drivers/stop-report.ts';
import { stopReportStep, stopStatusOf } from '../../domain/drivers/stop-report-step.ts';
import type { DriverTrip } from '../../domain/drivers/driver-trip.ts';
import { driverResource } from '../../store/drivers/driver-profiles.ts';
import { DriverRefusal } from '../../store/drivers/driver-refusal.ts';
import { tripOfDriver, withStops } from '../../store/drivers/driver-trips.ts';
import { settleStop } from '../../store/drivers/settle-stop.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { TripStopRecord } from '../../store/trips/trip.entity.ts';
import type { ApiDeps } from '../api-deps.ts';
import { notFound, UserError } from '../errors.ts';
import { performAction } from '../order-actions.ts';

const refused = (message: string) => new UserError(409, 'conflict', message);

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
 * twice), then the stop and the trip move in the store. The same report again is a no-op.
 */
export async function reportStop(deps: Pick<ApiDeps, 'store' | 'temporal'>, driverId: string, tripId: string, report: StopReport, now: Date): Promise<{ repeated: boolean }> {
  const em = deps.store.em.fork();
  const trip = await tripOfDriver(em, driverId, tripId);
  if (!trip) throw notFound(`Trip ${tripId}`);
  const stop = await em.findOne(TripStopRecord, { tripId, orderId: report.orderId, kind: report.kind }, { refresh: true });
  if (!stop) throw notFound(`The ${report.kind === 'pickup' ? 'pickup' : 'drop-off'} of order ${report.orderId} on trip ${tripId}`);
  const step = stopReportStep(trip.state, stop.status, report.status);
  if (step === 'repeat') return { repeated: true };
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
    return { repeated: settled === 'repeat' };
  } catch (err) {
    if (err instanceof DriverRefusal) throw refused(err.message);
    throw err;
  }
}
