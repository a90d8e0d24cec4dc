import { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll } from 'vitest';
import { findOrInstallTestServer } from '../launcher/temporal-test-server.ts';
import { withoutClockShift } from './clock-shift.ts';
import { createHarness, quietWorkerLogs, type Harness } from './sluice-harness.ts';

/**
 * A Sluice harness on Temporal's time-skipping test server, for the describe block that calls it: durable
 * timers of hours fire in seconds, while the rules, the store and the workflows stay real. `ready` runs
 * once the harness is up (orders a block needs before its tests).
 */
export function useTimeSkippingHarness(options: { wipLimit: number; ready?: (h: Harness) => Promise<unknown> }): { env: () => TestWorkflowEnvironment; h: () => Harness } {
  let env: TestWorkflowEnvironment | undefined;
  let h: Harness | undefined;
  beforeAll(async () => {
    quietWorkerLogs();
    const path = await findOrInstallTestServer();
    env = await withoutClockShift(() => TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } }));
    h = await createHarness({ wipLimit: options.wipLimit, temporal: { client: env.client, workerConnection: env.nativeConnection, namespace: env.namespace ?? 'default' }, worker: true });
    await options.ready?.(h);
  });
  afterAll(async () => {
    await h?.close();
    await env?.teardown();
  });
  return { env: () => env!, h: () => h! };
}
