import { createServer, type Server } from 'node:http';
import type { Readiness } from '../api/readiness.ts';

/**
 * The worker's /healthz and /readyz, with the API's answers, for an orchestrator's probes: a worker has no
 * HTTP server of its own, so this one answers those two paths and nothing else.
 */
export async function serveHealth(options: { port: number; hostname: string; readiness: () => Promise<Readiness> }): Promise<Server> {
  const server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const path = new URL(req.url ?? '/', 'http://worker').pathname;
    if (req.method !== 'GET') return reply(405, { error: { code: 'method_not_allowed', message: 'Only GET /healthz and GET /readyz are served here.' } });
    if (path === '/healthz') return reply(200, { status: 'ok' });
    if (path !== '/readyz') return reply(404, { error: { code: 'not_found', message: 'Only GET /healthz and GET /readyz are served here.' } });
    options.readiness().then(
      ({ ready, checks }) => reply(ready ? 200 : 503, { status: ready ? 'ready' : 'not_ready', checks }),
      () => reply(503, { status: 'not_ready', checks: [] }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, resolve);
  });
  return server;
}
