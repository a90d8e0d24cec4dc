import { condition, defineSignal, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type { BareActivities } from './bare-activities.ts';

export const bareReleaseSignal = defineSignal('release');
export const bareActionUpdate = defineUpdate<string, [string]>('orderAction');

const { step } = proxyActivities<BareActivities>({ startToCloseTimeout: '30 seconds' });

/** How many activities an order's happy path runs in each of its stretches (the lifecycle benchmark fixes them). */
export interface BareShape {
  /** Up to the release signal. */
  beforeRelease: number;
  /** From the release signal up to being assigned. */
  beforeAssigned: number;
  /** In each person's action (an update), in turn. */
  perAction: number[];
}

/**
 * The baseline of the lifecycle benchmark: the same number of activities, signals and updates as an
 * order's happy path, in the same order, with nothing behind them — what Temporal alone costs. Its marked
 * steps tell the driver when it waits for release and when it is assigned, as Sluice's store tells people.
 */
export async function bareOrderWorkflow(shape: BareShape): Promise<string> {
  let released = false;
  let actions = 0;
  setHandler(bareReleaseSignal, () => {
    released = true;
  });
  setHandler(bareActionUpdate, async (action) => {
    const steps = shape.perAction[actions] ?? 0;
    for (let i = 0; i < steps; i++) await step();
    actions += 1;
    return action;
  });
  for (let i = 1; i <= shape.beforeRelease; i++) await step(i === shape.beforeRelease ? 'waiting' : undefined);
  await condition(() => released);
  for (let i = 1; i <= shape.beforeAssigned; i++) await step(i === shape.beforeAssigned ? 'assigned' : undefined);
  await condition(() => actions === shape.perAction.length);
  return 'completed';
}
