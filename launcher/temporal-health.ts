import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import type { ConnectionOptions } from '@temporalio/client';

export type WaitOptions = {
  timeoutMs: number;
  // Aborted when waiting is pointless, e.g. the server process died; the wait then rejects with the abort reason.
  signal?: AbortSignal;
};

// Describing the namespace proves more than a bare connect: the frontend answers and the namespace exists.
export async function checkTemporal(options: ConnectionOptions, namespace: string, timeoutMs = 5_000): Promise<void> {
  // lazy + ensureConnected instead of connect(): a failed connect() leaves its gRPC channel open, keeping the process alive.
  const connection = Connection.lazy({ ...options, connectTimeout: timeoutMs });
  try {
    await connection.ensureConnected();
    await connection.workflowService.describeNamespace({ namespace });
  } finally {
    await connection.close();
  }
}

export async function waitForTemporal(options: ConnectionOptions, namespace: string, { timeoutMs, signal }: WaitOptions): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // Each attempt opens a fresh channel with a growing timeout: a starting server is found within a few hundred
  // milliseconds instead of after gRPC's one-second reconnect backoff, and a slow remote still gets its time.
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    const attemptMs = Math.max(100, Math.min(100 * 2 ** attempt, 2_000, deadline - Date.now()));
    try {
      await untilAborted(checkTemporal(options, namespace, attemptMs), signal);
      return;
    } catch (error) {
      signal?.throwIfAborted();
      if (Date.now() >= deadline) throw error;
    }
    await sleep(100);
  }
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export type WatchOptions = {
  intervalMs?: number;
  // A loaded machine can miss one answer; a server that misses several in a row is stuck.
  failuresInARow?: number;
  onUnhealthy: (reason: string) => void;
};

/** Checks the server every `intervalMs` and calls `onUnhealthy` once it has failed `failuresInARow` checks in a row; stop() ends the watch. */
export function watchTemporal(options: ConnectionOptions, namespace: string, watch: WatchOptions): { stop(): void } {
  const intervalMs = watch.intervalMs ?? 5_000;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      await checkTemporal(options, namespace, intervalMs);
      failures = 0;
    } catch (error) {
      failures++;
      if (failures >= (watch.failuresInARow ?? 3) && !stopped) {
        stopped = true;
        return watch.onUnhealthy(`${failures} health checks in a row failed, the last with: ${(error as Error).message}`);
      }
    }
    if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
  };
  timer = setTimeout(() => void tick(), intervalMs);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
