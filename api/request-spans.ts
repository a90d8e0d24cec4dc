import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { withLogContext } from '../logging/log-context.ts';
import type { AppEnv } from './auth/principal.ts';
import { orderIdOf } from './request-log.ts';

/**
 * A server span per request, child of the caller's `traceparent` when it sends one. Whatever the
 * request does inside it (starting a workflow, signalling, updating) is traced under it, so one trace
 * id runs from the request through the workflow to its activities. Mounted only when tracing is on.
 */
export function requestSpans(): MiddlewareHandler<AppEnv> {
  const tracer = trace.getTracer('sluice-api');
  return async (c, next) => {
    const parent = propagation.extract(context.active(), Object.fromEntries(c.req.raw.headers));
    const span = tracer.startSpan(c.req.method, { kind: SpanKind.SERVER, attributes: { 'http.request.method': c.req.method, 'url.path': c.req.path } }, parent);
    try {
      // The request's lines carry the trace id, so a line leads to its trace and back.
      await context.with(trace.setSpan(parent, span), () => withLogContext({ traceId: span.spanContext().traceId }, next));
    } finally {
      const route = routePath(c, -1);
      const orderId = orderIdOf(c);
      span.updateName(`${c.req.method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': c.res.status, 'sluice.request_id': c.get('requestId'), ...(orderId ? { 'sluice.order_id': orderId } : {}) });
      if (c.res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
  };
}
