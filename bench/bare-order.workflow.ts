import { condition, defineSignal, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type { BareActivities } from './bare-activities.ts';

export const bareReleaseSignal = defineSignal('release');
export const bareActionUpdate = defineUpdate<string, [string]>('orderAction');

const { step } = proxyActivities<BareActivities>({ startToCloseTimeout: '30 seconds' });

/**
 * The baseline of the lifecycle benchmark: the same number of activities, signals and updates as an
 * order's happy path, with nothing behind them — what Temporal alone costs.
 */
export async function bareOrderWorkflow(activityCount: number): Promise<string> {
  let released = false;
  let actions = 0;
  setHandler(bareReleaseSignal, () => {
    released = true;
  });
  setHandler(bareActionUpdate, async (action) => {
    await step();
    actions += 1;
    return action;
  });
  // Activities before release, the rest split over the two updates' own.
  for (let i = 0; i < activityCount - 2; i++) await step();
  await condition(() => released);
  await condition(() => actions === 2);
  return 'completed';
}
