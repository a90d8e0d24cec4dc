import { WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { tripActionAllowed, tripRefusal } from '../../domain/trips/trip-machine.ts';
import type { TripState } from '../../domain/trips/trip.ts';
import { log } from '../../logging/logger.ts';
import { TripRecord } from '../../store/trips/trip.entity.ts';
import { TripRefusal } from '../../store/trips/trip-refusal.ts';
import { TRIP_STEP_REFUSED, tripStepUpdate, tripWorkflowId, type TripStepCommand } from '../../workflows/trip-definitions.ts';
import type { tripWorkflow } from '../../workflows/trip.workflow.ts';
import type { ApiDeps } from '../api-deps.ts';
import { sendUpdate } from '../resent-update.ts';
import { withTemporal } from '../temporal-gate.ts';

type Deps = Pick<ApiDeps, 'store' | 'temporal' | 'taskQueue'>;

const startOptions = (deps: Deps, tripId: string, state: TripState) => ({
  workflowId: tripWorkflowId(tripId),
  taskQueue: deps.taskQueue,
  args: [{ tripId, state }] as [{ tripId: string; state: TripState }],
  workflowIdConflictPolicy: 'USE_EXISTING' as const,
});

/**
 * Starts the workflows of trips just planned. A trip whose start fails (Temporal away for a moment) is
 * still planned in the store, and its first step starts its workflow then (`stepTripVia`), so nothing is lost.
 */
export async function startTripWorkflows(deps: Deps, tripIds: readonly string[]): Promise<void> {
  for (const tripId of tripIds) {
    try {
      await deps.temporal.workflow.start<typeof tripWorkflow>('tripWorkflow', startOptions(deps, tripId, 'planned'));
    } catch (err) {
      log.warn({ err, tripId }, "a trip's workflow did not start; its first step will start it");
    }
  }
}

/**
 * A step of a trip's lifecycle through the trip's workflow, which applies one at a time what its machine
 * allows. The update starts the workflow from the stored state when there is none yet (a trip planned while
 * Temporal was away, or before trips had workflows). A resent step with the same `updateId` joins the first.
 * Refusals are `TripRefusal`s with the reason.
 */
export async function stepTripVia(deps: Deps, tripId: string, command: TripStepCommand, updateId?: string): Promise<TripState> {
  const trip = await deps.store.em.fork().findOne(TripRecord, { id: tripId }, { fields: ['state'] });
  if (!trip) throw new TripRefusal(`No trip ${tripId}.`);
  // A finished trip's workflow has ended; its refusal needs no round trip (and must not start a new run).
  if (!tripActionAllowed(trip.state, command.action)) throw new TripRefusal(tripRefusal(trip.state, { openStops: 0 }, command.action));
  try {
    return await withTemporal(deps.temporal, `The trip's ${command.action} step`, () =>
      sendUpdate(
        (id) =>
          deps.temporal.workflow.executeUpdateWithStart(tripStepUpdate, {
            args: [command],
            updateId: id,
            startWorkflowOperation: new WithStartWorkflowOperation<typeof tripWorkflow>('tripWorkflow', startOptions(deps, tripId, trip.state)),
          }),
        updateId,
      ),
    );
  } catch (err) {
    const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type === TRIP_STEP_REFUSED) throw new TripRefusal(cause.message);
    throw err;
  }
}
