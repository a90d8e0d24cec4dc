import { createServer, type Server } from 'node:http';
import type { ApiMetrics } from './api-metrics.ts';

/** Where /metrics listens unless SLUICE_METRICS_HOST says otherwise: the figures are the business's, so only this host sees them. */
export const DEFAULT_METRICS_HOST = '127.0.0.1';

/**
 * GET /metrics on a port of its own (SLUICE_METRICS_PORT), apart from the API's: it needs no credential,
 * so it is reachable only where it is bound (loopback by default), and a scrape never competes with the
 * API's authentication or its rate of requests.
 */
export async function serveMetrics(options: { port: number; hostname: string; metrics: ApiMetrics }): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://metrics').pathname;
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(path === '/metrics' ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Only GET /metrics is served here.\n');
      return;
    }
    options.metrics.scrape().then(
      ({ contentType, body }) => {
        res.writeHead(200, { 'content-type': contentType });
        res.end(body);
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`The scrape failed: ${error instanceof Error ? error.message : String(error)}\n`);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, resolve);
  });
  return server;
}
