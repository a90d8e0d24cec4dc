import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resource } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { temporal } from '@temporalio/proto';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORDER_KINDS } from '../domain/order.ts';
import { repoRoot } from '../launcher/repo-root.ts';
import { workerTracing, type WorkerTracing } from '../tracing/worker-tracing.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';
import { CYCLE_TELLS_ORDERS_PATCH } from './area-controller.workflow.ts';
import { ORDER_WORKFLOW_REVISION } from './definitions.ts';

const HISTORIES = join(repoRoot, 'workflows/histories');
const files = readdirSync(HISTORIES).filter((f) => f.endsWith('.json'));
// Built with the proto package's own classes: the SDK's JSON loader trips over a second protobufjs copy.
const historyOf = (file: string) => temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')) as object);

/**
 * Recorded histories of real orders and area controllers (`npm run histories:record`), replayed against
 * today's workflow code: a change that would break one already running fails here, before it reaches a worker.
 */
describe('replaying recorded order histories', () => {
  let bundle: WorkflowBundle;
  beforeAll(async () => {
    bundle = await bundleWorkflows();
  });

  it("covers every kind's happy path on today's revision and on revision 2, and orders started on the first lifecycle (v1, kept running by patched())", () => {
    for (const revision of [2, ORDER_WORKFLOW_REVISION]) for (const kind of ORDER_KINDS) expect(files).toContain(`v${revision}-${kind}-happy-path.json`);
    expect(files.filter((f) => f.startsWith('v1-')).length).toBeGreaterThanOrEqual(5);
  });

  it('covers an area controller from before its patches and one on the newest', () => {
    expect(files).toEqual(expect.arrayContaining(['area-controller-before-patches.json', `area-controller-${CYCLE_TELLS_ORDERS_PATCH}.json`]));
  });

  it("covers a trip cancelled after dispatch and one its driver's reports start and complete", () => {
    expect(files).toEqual(expect.arrayContaining(['trip-dispatched-cancelled.json', 'trip-started-completed.json']));
  });

  it.each(files)('%s replays without nondeterminism', async (file) => {
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, historyOf(file), `replay-${file}`)).resolves.toBeUndefined();
  });
});

/** Tracing adds interceptors inside the sandbox; they must issue no command of their own, or turning tracing on would break running orders. */
describe('replaying recorded order histories with the tracing interceptors on', () => {
  let bundle: WorkflowBundle;
  let tracing: WorkerTracing;
  beforeAll(async () => {
    tracing = workerTracing({ resource: Resource.default(), spanProcessor: new SimpleSpanProcessor(new InMemorySpanExporter()) });
    bundle = await bundleWorkflows(tracing);
  });

  it("covers a trip cancelled after dispatch and one its driver's reports start and complete", () => {
    expect(files).toEqual(expect.arrayContaining(['trip-dispatched-cancelled.json', 'trip-started-completed.json']));
  });

  it.each(files)('%s replays without nondeterminism', async (file) => {
    await expect(Worker.runReplayHistory({ workflowBundle: bundle, sinks: tracing.sinks }, historyOf(file), `replay-traced-${file}`)).resolves.toBeUndefined();
  });
});
