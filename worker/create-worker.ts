import type { Client } from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import { bundleWorkflowCode, type NativeConnection, Worker, type WorkflowBundle } from '@temporalio/worker';
import { createActivities } from '../activities/index.ts';
import { repoRoot } from '../launcher/repo-root.ts';
import { log } from '../logging/logger.ts';
import type { Store } from '../store/open-store.ts';
import type { WorkerTracing } from '../tracing/worker-tracing.ts';
import { activityLogContext } from './temporal-logs.ts';

export const WORKFLOWS_PATH = `${repoRoot}/workflows/index.ts`;

/*
 * The sandbox runs the module scope of everything a workflow imports once for every workflow, unless the
 * module is preloaded into the worker's shared context. The lifecycle machines and xstate are pure and
 * keep no per-workflow state, so they are built once per worker instead of once per order; the shared
 * context freezes them, which a pure machine never notices.
 */
const PRELOAD_MODULES = ['xstate', `${repoRoot}/workflows/machines/machine-for-kind.ts`, `${repoRoot}/workflows/machines/legacy/order-v1.machine.ts`];

/** Bundles the workflow code once; tests share one bundle across workers. A traced worker's bundle carries the tracing interceptors. */
export function bundleWorkflows(tracing?: Pick<WorkerTracing, 'workflowInterceptorModules'>): Promise<WorkflowBundle> {
  return bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    logger: quietBundlerLogger,
    preloadModules: PRELOAD_MODULES,
    ...(tracing ? { workflowInterceptorModules: tracing.workflowInterceptorModules } : {}),
  });
}

export interface SluiceWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  store: Store;
  /** The client activities use to signal other workflows. */
  client: Client;
  workflowBundle?: WorkflowBundle;
  clock?: () => Date;
  /** Temporal's OpenTelemetry interceptors, when tracing is on; a given bundle must have been built with them. */
  tracing?: WorkerTracing;
  /** How long a shutdown waits for work in hand; 60 s unless given. */
  shutdownForceTime?: Duration;
}

/** A worker that runs the order and work-area workflows and every activity. */
export function createSluiceWorker(options: SluiceWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    // A workflow whose activity keeps failing would otherwise hold a stopping worker draining for ever;
    // what it had in hand goes back to Temporal and another worker picks it up.
    shutdownForceTime: options.shutdownForceTime ?? '60s',
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: WORKFLOWS_PATH, bundlerOptions: { preloadModules: PRELOAD_MODULES } }),
    ...(options.tracing ? { sinks: options.tracing.sinks } : {}),
    activities: createActivities({
      store: options.store,
      temporal: options.client,
      taskQueue: options.taskQueue,
      clock: options.clock ?? (() => new Date()),
    }),
    interceptors: {
      activity: [activityLogContext, ...(options.tracing?.activityInterceptors ?? [])],
      ...(options.tracing && !options.workflowBundle ? { workflowModules: options.tracing.workflowInterceptorModules } : {}),
    },
  });
}

const quietBundlerLogger = {
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (message: string, meta?: Record<string, unknown>) => log.warn({ component: 'bundler', ...meta }, message),
  error: (message: string, meta?: Record<string, unknown>) => log.error({ component: 'bundler', ...meta }, message),
  log: () => {},
};
