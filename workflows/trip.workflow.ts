import { ActivityFailure, allHandlersFinished, ApplicationFailure, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { TripActivities } from '../activities/trips/index.ts';
import { tripActionAllowed, tripRefusal } from '../domain/trips/trip-machine.ts';
import { isLiveTrip, type TripState } from '../domain/trips/trip-states.ts';
import { TRIP_STEP_REFUSED, tripStateQuery, tripStepUpdate, type TripStepCommand, type TripWorkflowInput } from './trip-definitions.ts';

// A dispatcher waits on the step: a store that does not answer after a few tries is an error to show, not to wait out.
const { stepTrip } = proxyActivities<TripActivities>({ startToCloseTimeout: '30 seconds', retry: { maximumAttempts: 3, nonRetryableErrorTypes: [TRIP_STEP_REFUSED] } });

const refused = (state: TripState, command: TripStepCommand) => ApplicationFailure.nonRetryable(tripRefusal(state, { openStops: 0 }, command.action), TRIP_STEP_REFUSED);

/**
 * One trip's lifecycle (the pure trip machine): every step is an update that the machine must allow from
 * the state the workflow holds, applied one at a time by an activity that writes the state, checks the
 * stops the machine's guard reads, and audits the step in one transaction. Ends when the trip is completed
 * or cancelled.
 */
export async function tripWorkflow(input: TripWorkflowInput): Promise<TripState> {
  let state = input.state;
  let stepping = false;
  setHandler(tripStateQuery, () => state);
  setHandler(
    tripStepUpdate,
    async (command) => {
      // One step at a time: the check and the claim run with no await between them, so two updates that
      // arrive together cannot both pass; a step that waited behind another is judged on the state it left.
      while (stepping) await condition(() => !stepping);
      if (!tripActionAllowed(state, command.action)) throw refused(state, command);
      stepping = true;
      try {
        state = await stepTrip({ tripId: input.tripId, ...command });
        return state;
      } catch (err) {
        const cause = err instanceof ActivityFailure ? err.cause : undefined;
        if (cause instanceof ApplicationFailure && cause.type === TRIP_STEP_REFUSED) throw ApplicationFailure.nonRetryable(cause.message, TRIP_STEP_REFUSED);
        throw err;
      } finally {
        stepping = false;
      }
    },
    {
      validator: (command) => {
        if (!tripActionAllowed(state, command.action)) throw refused(state, command);
      },
    },
  );
  await condition(() => !isLiveTrip(state) && allHandlersFinished());
  return state;
}
