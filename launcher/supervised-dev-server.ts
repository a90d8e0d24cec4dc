import { startDevServer } from './temporal-dev-server.ts';
import type { DevServer, DevServerOptions } from './temporal-dev-server.ts';
import { watchTemporal } from './temporal-health.ts';
import { supervise } from './supervisor.ts';
import type { RestartPolicy, Run } from './supervisor.ts';

export type DevServerSupervision = {
  log: (line: string) => void;
  onGiveUp: (reason: string) => void;
  policy?: RestartPolicy;
  watchIntervalMs?: number;
};

/**
 * The dev server under a supervisor: restarted when it dies or stops answering, on the address it first
 * got (the API and worker keep the one they were given) and with its db file, so running workflows go on.
 */
export async function superviseDevServer(options: DevServerOptions, supervision: DevServerSupervision): Promise<DevServer> {
  let first: DevServer | undefined;
  const supervised = await supervise({
    name: 'The Temporal dev server',
    log: supervision.log,
    onGiveUp: supervision.onGiveUp,
    policy: supervision.policy,
    start: async () => {
      if (!first) {
        const run = await devServerRun(options, supervision);
        first = run.server;
        return run;
      }
      if (!options.dbFile) supervision.log('[launcher] The Temporal dev server kept its workflows in memory (no devServer.dbFile): they are lost.');
      return devServerRun({ ...options, port: portOf(first.address), uiPort: first.uiUrl ? portOf(first.uiUrl) : false }, supervision);
    },
  });
  return { ...first!, stop: supervised.stop };
}

async function devServerRun(options: DevServerOptions, supervision: DevServerSupervision): Promise<Run & { server: DevServer }> {
  let ended: (how: string) => void = () => {};
  const exited = new Promise<string>((resolve) => (ended = resolve));
  const server = await startDevServer({ ...options, onExit: (code, signal) => ended(signal ?? `code ${code}`) });
  const watch = watchTemporal({ address: server.address }, options.namespace, {
    intervalMs: supervision.watchIntervalMs,
    onUnhealthy: (reason) => {
      supervision.log(`[launcher] The Temporal dev server at ${server.address} stopped answering (${reason}); stopping it.`);
      void server.stop().then(() => ended('stopped answering'));
    },
  });
  void exited.then(() => watch.stop());
  return {
    server,
    exited,
    stop: async () => {
      watch.stop();
      await server.stop();
      ended('stopped');
    },
  };
}

function portOf(address: string): number {
  return Number(address.slice(address.lastIndexOf(':') + 1));
}
