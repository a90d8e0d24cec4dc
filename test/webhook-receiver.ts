import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the receiver answers a request to a path: by default 204. */
export type Answer = (res: ServerResponse, seen: number) => void;

/**
 * A webhook receiver on 127.0.0.1: records every request, answers each path as told (`answer(path, …)`),
 * and can be stopped and started again on its port to play an endpoint that is down for a while.
 */
export async function startWebhookReceiver() {
  const received: Received[] = [];
  const answers = new Map<string, Answer>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = answers.get(path);
      if (answer) answer(res, received.filter((r) => r.path === path).length);
      else res.writeHead(204).end();
    });
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  return {
    received,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    answer: (path: string, how: Answer) => void answers.set(path, how),
    at: (path: string) => received.filter((r) => r.path === path),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    restart: () => listen(port),
  };
}
