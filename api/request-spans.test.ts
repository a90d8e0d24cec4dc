import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { logContext } from '../logging/log-context.ts';
import { createLogger } from '../logging/logger.ts';
import { startTracing } from '../tracing/start-tracing.ts';
import type { AppEnv } from './auth/principal.ts';
import { handleError } from './errors.ts';
import { requestLog } from './request-log.ts';
import { requestSpans } from './request-spans.ts';

const exporter = new InMemorySpanExporter();
const tracing = startTracing('sluice-api', new SimpleSpanProcessor(exporter));
afterAll(() => tracing.shutdown());

function tracedApp() {
  const app = new Hono<AppEnv>();
  app.use(...requestLog(createLogger({ SLUICE_LOG_LEVEL: 'silent' })));
  app.use(requestSpans());
  app.get('/orders/:id', (c) => c.json(logContext()));
  app.get('/boom', () => {
    throw new Error('unexpected');
  });
  app.onError(handleError);
  return app;
}

describe('a span per request', () => {
  it("is named by the route's pattern, says what it answered, and gives the request's log lines its trace id", async () => {
    exporter.reset();
    const res = await tracedApp().request('/orders/o-9', { headers: { 'X-Request-Id': 'req-9' } });
    const [span] = exporter.getFinishedSpans();
    expect(span).toMatchObject({ name: 'GET /orders/:id', attributes: { 'http.route': '/orders/:id', 'http.response.status_code': 200, 'sluice.request_id': 'req-9', 'sluice.order_id': 'o-9' } });
    expect(span!.resource.attributes['service.name']).toBe('sluice-api');
    expect(await res.json()).toEqual({ requestId: 'req-9', traceId: span!.spanContext().traceId });
  });

  it("continues the caller's trace from its traceparent", async () => {
    exporter.reset();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await tracedApp().request('/orders/o-1', { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    const [span] = exporter.getFinishedSpans();
    expect(span!.spanContext().traceId).toBe(traceId);
    expect(span!.parentSpanId).toBe('00f067aa0ba902b7');
  });

  it('marks a 500 as an error', async () => {
    exporter.reset();
    await tracedApp().request('/boom');
    expect(exporter.getFinishedSpans()[0]).toMatchObject({ name: 'GET /boom', status: { code: 2 } });
  });
});
