import { condition, defineSignal, getExternalWorkflowHandle, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { BareActivities } from './bare-activities.ts';

const freedSignal = defineSignal<[string]>('freed');
const releasedSignal = defineSignal('released');

const { step, stamp } = proxyActivities<BareActivities>({ startToCloseTimeout: '30 seconds' });

/**
 * The baseline of freed-to-released latency: the same hops as Sluice's path with nothing behind them. An
 * activity stamps the time (the completion's transition), the workflow signals a controller, the controller
 * runs an activity (the cycle) and signals back, and an activity stamps the time again (the release's transition).
 * Answers the stamped differences in milliseconds.
 */
export async function bareRelayWorkflow(controllerId: string, rounds: number): Promise<number[]> {
  let released = 0;
  setHandler(releasedSignal, () => void (released += 1));
  const controller = getExternalWorkflowHandle(controllerId);
  const samples: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const freedAt = await stamp();
    await controller.signal(freedSignal, workflowInfo().workflowId);
    await condition(() => released >= round);
    samples.push((await stamp()) - freedAt);
  }
  return samples;
}

/** Stands in for an area controller: one activity per freed slot, then a release signal to whoever freed it. */
export async function bareControllerWorkflow(rounds: number): Promise<void> {
  const freed: string[] = [];
  setHandler(freedSignal, (from) => void freed.push(from));
  for (let round = 0; round < rounds; round++) {
    await condition(() => freed.length > 0);
    const from = freed.shift()!;
    await step();
    await getExternalWorkflowHandle(from).signal(releasedSignal);
  }
}
