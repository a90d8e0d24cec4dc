import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { inject } from 'vitest';
import { freePort, startDevServer, type DevServer, type DevServerOptions } from '../launcher/temporal-dev-server.ts';
import { quietWorkerLogs, type TemporalOverride } from './sluice-harness.ts';

const START_ATTEMPTS = 3;

export interface RestartableTemporal {
  address: string;
  /** For `createHarness({ temporal })`: its client and worker connection ride through restarts. */
  override: TemporalOverride;
  /** Stops the server and starts it again on the same port and database, as an operator's restart does. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A dev server of the test's own, unlike the run's shared in-memory one: its history is kept in a
 * SQLite file, so it can be restarted mid-test without losing a workflow.
 */
export async function startRestartableTemporal(): Promise<RestartableTemporal> {
  quietWorkerLogs();
  // In memory where the machine has a RAM disk: the file must outlive the server, not the machine, and disk syncs would slow every task.
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'sluice-temporal-'));
  const namespace = inject('temporalNamespace');
  const options: DevServerOptions = { ip: '127.0.0.1', port: await freePort(), uiPort: false, dbFile: join(dir, 'temporal.sqlite'), namespace, logLevel: 'error' };
  let server: DevServer = await startDevServer(options);
  const connection = await Connection.connect({ address: server.address });
  const workerConnection = await NativeConnection.connect({ address: server.address });
  return {
    address: server.address,
    override: { client: new Client({ connection, namespace }), workerConnection, namespace },
    async restart() {
      await server.stop();
      // As the launcher's supervisor does: a dev server that dies while starting (a panic of its own, seen
      // once under a loaded run) is started again. What the tests prove is Sluice riding through the restart.
      for (let attempt = 1; ; attempt++) {
        try {
          server = await startDevServer(options);
          return;
        } catch (err) {
          if (attempt === START_ATTEMPTS) throw err;
          console.warn(`the restarted Temporal dev server did not start (attempt ${attempt} of ${START_ATTEMPTS}); starting it again: ${(err as Error).message.split('\n')[0]}`);
        }
      }
    },
    async close() {
      await workerConnection.close();
      await connection.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
