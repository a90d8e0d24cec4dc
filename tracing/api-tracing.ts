import type { WorkflowClientInterceptor } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../api/auth/principal.ts';
import { requestSpans } from '../api/request-spans.ts';
import { startTracing, type Tracing } from './start-tracing.ts';

/** What a traced API process adds: a span per request, and the trace carried into every workflow it starts, signals or updates. */
export interface ApiTracing extends Tracing {
  requestSpans: MiddlewareHandler<AppEnv>;
  clientInterceptors: WorkflowClientInterceptor[];
}

export function startApiTracing(): ApiTracing {
  return { ...startTracing('sluice-api'), requestSpans: requestSpans(), clientInterceptors: [new OpenTelemetryWorkflowClientInterceptor()] };
}
