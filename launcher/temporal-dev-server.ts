import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, portIsFree } from './free-port.ts';
import { hostAddress } from './host-address.ts';
import { findOrInstallTemporalCli } from './temporal-cli.ts';
import { waitForTemporal } from './temporal-health.ts';

export { freePort } from './free-port.ts';

export type DevServerOptions = {
  ip: string;
  // 0 picks a free port.
  port: number;
  // Omitted: the CLI's default (port + 1000), or a free port when port is 0. 0 picks a free port; false runs headless.
  uiPort?: number | false;
  // Omitted or empty: in-memory, lost when the server stops.
  dbFile?: string;
  namespace: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  // Path of the temporal binary; found or installed when omitted.
  cli?: string;
  readyTimeoutMs?: number;
  // Receives the server's output once it is ready; before that the output is kept for error messages.
  log?: (line: string) => void;
  // Called when the server dies on its own, not through stop().
  onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
  // Server dynamic configuration, e.g. a low `limit.historyCount.suggestContinueAsNew` for a test.
  dynamicConfig?: Record<string, string | number | boolean>;
};

export type DevServer = { address: string; uiUrl: string | null; pid: number; stop(): Promise<void> };

const stopTimeoutMs = 10_000;
const tailLines = 40;

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const cli = options.cli ?? (await findOrInstallTemporalCli());
  const port = options.port || (await freePort(options.ip));
  const uiPort = await pickUiPort(options, port);
  const address = hostAddress(options.ip, port);
  // Checked up front: the health check would otherwise find whatever already listens there and call it ready.
  if (!(await portIsFree(options.ip, port))) {
    throw new Error(
      `Cannot start the Temporal dev server: ${address} is already in use. If that is a Temporal server, use it with TEMPORAL_ADDRESS=${address}; otherwise choose another devServer.port in temporal.yaml.`,
    );
  }
  if (uiPort !== false && !(await portIsFree(options.ip, uiPort))) {
    throw new Error(`Cannot start the Temporal dev server: the Web UI port ${uiPort} on ${options.ip} is already in use; choose another devServer.uiPort in temporal.yaml.`);
  }
  if (options.dbFile) mkdirSync(dirname(options.dbFile), { recursive: true });

  const child = spawn(cli, devServerArgs(options, port, uiPort), { stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  let ready = false;
  let stopping: Promise<void> | undefined;
  const onLine = (line: string) => {
    // Shutdown chatter (failed polls, refused dials) is noise, so only a running server is forwarded.
    if (ready && !stopping && options.log) return options.log(line);
    // A Go panic's reason is its first line, above a stack longer than the tail: kept apart so the error names it.
    if (!panicLine && /^(panic|fatal error):/.test(line)) panicLine = line;
    tail.push(line);
    if (tail.length > tailLines) tail.shift();
  };
  let panicLine: string | undefined;
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);

  // Aborted, with the reason, once the process is gone; the first reason wins.
  const died = new AbortController();
  const exited = new Promise<void>((resolve) => {
    child.once('error', (error) => {
      died.abort(new Error(`Cannot start ${cli}: ${error.message}`));
      resolve();
    });
    // 'close' rather than 'exit': it comes after the last output line, which the error message needs.
    child.once('close', (code, signal) => {
      died.abort(new Error(`Temporal dev server exited (${signal ?? `code ${code}`}) before it was ready${panicLine ? `: ${panicLine}` : ''}${outputOf(tail)}`));
      if (ready && !stopping) options.onExit?.(code, signal);
      resolve();
    });
  });
  // A crashed parent must not leave the server running; 'exit' handlers may only do synchronous work, and kill() is.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  const stop = () => (stopping ??= terminate(child, exited, died.signal));
  try {
    await waitForTemporal({ address }, options.namespace, { timeoutMs: options.readyTimeoutMs ?? 30_000, signal: died.signal });
  } catch (error) {
    await stop();
    if (error === died.signal.reason) throw error;
    throw new Error(`Temporal dev server on ${address} did not answer: ${(error as Error).message}${outputOf(tail)}`, { cause: error });
  }
  ready = true;
  return {
    address,
    uiUrl: uiPort === false ? null : `http://${hostAddress(options.ip, uiPort)}`,
    pid: child.pid ?? 0,
    stop,
  };
}

function devServerArgs(options: DevServerOptions, port: number, uiPort: number | false): string[] {
  return [
    'server',
    'start-dev',
    '--ip',
    options.ip,
    '--port',
    String(port),
    ...(uiPort === false ? ['--headless'] : ['--ui-port', String(uiPort), '--ui-disable-news-fetch']),
    ...(options.dbFile ? ['--db-filename', options.dbFile, '--sqlite-pragma', 'journal_mode=wal'] : []),
    '--namespace',
    options.namespace,
    '--log-level',
    options.logLevel,
    // A developer's ~/.config/temporalio profile or TEMPORAL_* variables must not change the server we start.
    '--disable-config-file',
    '--disable-config-env',
    ...Object.entries(options.dynamicConfig ?? {}).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${String(value)}`]),
  ];
}

async function pickUiPort(options: DevServerOptions, port: number): Promise<number | false> {
  if (options.uiPort === false) return false;
  if (options.uiPort) return options.uiPort;
  if (options.uiPort === undefined && options.port) return port + 1000;
  return freePort(options.ip);
}

async function terminate(child: ChildProcess, exited: Promise<void>, died: AbortSignal): Promise<void> {
  if (died.aborted) return;
  child.kill('SIGTERM');
  const patience = new AbortController();
  const killLater = sleep(stopTimeoutMs, undefined, { signal: patience.signal }).then(
    () => child.kill('SIGKILL'),
    () => {},
  );
  await exited;
  patience.abort();
  await killLater;
}

function outputOf(tail: string[]): string {
  return tail.length ? `\n--- server output (last ${tail.length} lines) ---\n${tail.join('\n')}` : '';
}
