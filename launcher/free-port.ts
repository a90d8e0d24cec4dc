import { createServer } from 'node:net';

// The port is free when this resolves; another process could still take it before the caller binds it.
export function freePort(host = '127.0.0.1'): Promise<number> {
  return listenOnce(host, 0).then((port) => port ?? Promise.reject(new Error(`no free port on ${host}`)));
}

export async function portIsFree(host: string, port: number): Promise<boolean> {
  return (await listenOnce(host, port)) !== null;
}

function listenOnce(host: string, port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null));
    server.listen(port, host, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : null;
      server.close(() => resolve(bound));
    });
  });
}
