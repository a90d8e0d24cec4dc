import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { Counter, Histogram, type Registry } from 'prom-client';

// Seconds: from a quick read to a large list or a slow action through Temporal.
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The route a request matched, as declared (`/orders/:id`), so that labels stay a bounded set whatever
 * the paths asked: a path no route takes is `unmatched`. Middleware for every path (`*`, `/*`) is not a route.
 */
function routeOf(c: Parameters<MiddlewareHandler>[0]): string {
  return matchedRoutes(c).findLast((r) => r.path !== '*' && r.path !== '/*')?.path ?? 'unmatched';
}

/** Counts every request by route, method and status, and times it to its response's headers (a live event stream's open, not its life). */
export function httpMetrics(registry: Registry): MiddlewareHandler {
  const labelNames = ['route', 'method', 'status'] as const;
  const requests = new Counter({ name: 'sluice_http_requests_total', help: 'HTTP requests answered, by route pattern, method and status.', labelNames, registers: [registry] });
  const latency = new Histogram({
    name: 'sluice_http_request_duration_seconds',
    help: 'Time to answer an HTTP request (to its headers), by route pattern, method and status.',
    labelNames,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const labels = { route: routeOf(c), method: c.req.method, status: String(c.res.status) };
      requests.inc(labels);
      latency.observe(labels, (performance.now() - started) / 1000);
    }
  };
}
