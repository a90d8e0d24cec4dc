import { createRequire } from 'node:module';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
  type OpenTelemetrySinks,
} from '@temporalio/interceptors-opentelemetry';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import type { Tracing } from './start-tracing.ts';

/** The module the workflow bundle loads to trace workflows inside the sandbox (inbound, outbound and internals). */
export const TRACING_WORKFLOW_INTERCEPTORS = createRequire(import.meta.url).resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

/** What a traced worker adds to an untraced one. */
export interface WorkerTracing {
  /** For the workflow bundle: it must be built with these. */
  workflowInterceptorModules: string[];
  /** The activity span (child of the workflow's) and the trace ids on activities' SDK log lines. */
  activityInterceptors: ActivityInterceptorsFactory[];
  /** Workflow spans leave the sandbox through this sink, which is not called while a history replays. */
  sinks: InjectedSinks<OpenTelemetrySinks>;
  /** For the clients that signal and start workflows from activities and the worker's sweeps. */
  clientInterceptors: WorkflowClientInterceptor[];
}

/** Temporal's OpenTelemetry interceptors, wired to the process's tracing. */
export function workerTracing(tracing: Pick<Tracing, 'resource' | 'spanProcessor'>): WorkerTracing {
  return {
    workflowInterceptorModules: [TRACING_WORKFLOW_INTERCEPTORS],
    activityInterceptors: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })],
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
    clientInterceptors: [new OpenTelemetryWorkflowClientInterceptor()],
  };
}
