import { connectionOptions } from './temporal-connection.ts';
import type { TemporalConfig } from './temporal-config.ts';
import { startDevServer } from './temporal-dev-server.ts';
import type { DevServerOptions } from './temporal-dev-server.ts';
import { superviseDevServer } from './supervised-dev-server.ts';
import type { DevServerSupervision } from './supervised-dev-server.ts';
import { waitForTemporal } from './temporal-health.ts';

export type RunningTemporal = { address: string; uiUrl: string | null; external: boolean; stop(): Promise<void> };

// Short, but long enough to ride out a cluster that is still starting beside us (docker compose, CI services).
const externalTimeoutMs = 10_000;

export async function ensureTemporal(
  config: TemporalConfig,
  // With supervision, a dev server that dies or stops answering is restarted; a remote server is never ours to restart.
  options: { devServerOverrides?: Partial<DevServerOptions>; supervision?: DevServerSupervision } = {},
): Promise<RunningTemporal> {
  const { address, namespace, uiUrl } = config.connection;
  if (address) {
    try {
      await waitForTemporal(connectionOptions(config), namespace, { timeoutMs: externalTimeoutMs });
    } catch (error) {
      throw new Error(
        `Temporal at ${address} (namespace ${namespace}) does not answer: ${(error as Error).message}. Check TEMPORAL_ADDRESS / connection.address in temporal.yaml (and TLS / API key), or unset it to start the local dev server.`,
        { cause: error },
      );
    }
    return { address, uiUrl: uiUrl || null, external: true, stop: async () => {} };
  }
  const { dbFile, ...devServer } = config.devServer;
  const serverOptions = { ...devServer, dbFile: dbFile || undefined, namespace, ...options.devServerOverrides };
  const server = options.supervision ? await superviseDevServer(serverOptions, options.supervision) : await startDevServer(serverOptions);
  return { address: server.address, uiUrl: server.uiUrl, external: false, stop: server.stop };
}
