import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { envDetectorSync, Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** A process's tracing: what the worker hands Temporal's interceptors, and how to flush at the end. */
export interface Tracing {
  resource: Resource;
  spanProcessor: SpanProcessor;
  shutdown(): Promise<void>;
}

/**
 * Registers the process's tracer provider: spans go over OTLP/HTTP (the exporter reads the standard
 * `OTEL_EXPORTER_OTLP_*` variables, the batching `OTEL_BSP_*`), W3C trace context is propagated, and the
 * service is named `sluice-api` or `sluice-worker` unless `OTEL_SERVICE_NAME` or
 * `OTEL_RESOURCE_ATTRIBUTES` says otherwise. Tests pass their own processor.
 */
export function startTracing(serviceName: string, spanProcessor: SpanProcessor = new BatchSpanProcessor(new OTLPTraceExporter())): Tracing {
  const resource = Resource.default().merge(new Resource({ [ATTR_SERVICE_NAME]: serviceName })).merge(envDetectorSync.detect());
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  return { resource, spanProcessor, shutdown: () => provider.shutdown() };
}
