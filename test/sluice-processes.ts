import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { inject } from 'vitest';
import { freePort } from '../launcher/free-port.ts';
import { repoRoot } from '../launcher/repo-root.ts';
import { storeEnv } from '../store/store-config.ts';
import type { Harness } from './sluice-harness.ts';

/*
 * Sluice's own entry points as child processes, as in production: each with its own store connection and
 * Temporal connection, sharing only the harness's store and task queue.
 */

const envFor = (h: Harness, temporalAddress: string) => ({
  ...process.env,
  TEMPORAL_ADDRESS: temporalAddress,
  TEMPORAL_NAMESPACE: inject('temporalNamespace'),
  TEMPORAL_TASK_QUEUE: h.taskQueue,
  ...storeEnv(h.storeConfig),
  // The first admin's one-time password file goes beside a SQLite store; a PostgreSQL one's not into the repository's .data.
  ...(h.storeConfig.kind === 'postgres' ? { SLUICE_DATA_DIR: join(tmpdir(), 'sluice-test-data') } : {}),
});

const printed = new WeakMap<ChildProcess, string[]>();

/** Every line a process started here has printed so far, stdout and stderr. */
export const linesOf = (child: ChildProcess): readonly string[] => printed.get(child) ?? [];

function spawnUntil(script: string, env: NodeJS.ProcessEnv, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(repoRoot, script)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  printed.set(child, lines);
  // What a process says on stderr is still shown, as when it was inherited.
  createInterface({ input: child.stderr! }).on('line', (line) => {
    lines.push(line);
    process.stderr.write(`${line}\n`);
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (line.includes(ready)) resolve(child);
    });
  });
}

/** A worker process polling the harness's task queue; `env` adds to or overrides its environment. */
export const startWorkerProcess = (h: Harness, temporalAddress = inject('temporalAddress'), env: NodeJS.ProcessEnv = {}) =>
  spawnUntil('worker/main.ts', { ...envFor(h, temporalAddress), ...env }, 'polling the task queue');

/** An API process on a free loopback port, and its base URL. */
export async function startApiProcess(h: Harness, temporalAddress = inject('temporalAddress'), env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = await spawnUntil('api/main.ts', { ...envFor(h, temporalAddress), PORT: String(port), HOST: '127.0.0.1', ...env }, 'listening on http://');
  return { child, url: `http://127.0.0.1:${port}` };
}

/** Stops the processes still running, as a supervisor does (SIGTERM), and waits for them to exit. */
export async function stopProcesses(children: readonly ChildProcess[]): Promise<void> {
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  const exited = running.map((c) => new Promise((r) => c.once('exit', r)));
  for (const c of running) c.kill('SIGTERM');
  await Promise.all(exited);
}
