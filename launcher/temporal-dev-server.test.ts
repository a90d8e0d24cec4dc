import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startDevServer } from './temporal-dev-server.ts';

const folder = mkdtempSync(join(tmpdir(), 'sluice-dev-server-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function fakeCli(name: string, body: string): string {
  const path = join(folder, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

const base = { ip: '127.0.0.1', uiPort: false, namespace: 'default', logLevel: 'warn' } as const;

describe('startDevServer', () => {
  it('runs an in-memory dev server that a client can use, and stop() leaves nothing behind', async () => {
    const port = await freePort();
    const server = await startDevServer({ ...base, port, namespace: 'sluice-dev-server-test' });
    expect(server.address).toBe(`127.0.0.1:${port}`);
    expect(server.uiUrl).toBeNull();

    const connection = await Connection.connect({ address: server.address });
    try {
      const { namespaceInfo } = await connection.workflowService.describeNamespace({ namespace: 'sluice-dev-server-test' });
      expect(namespaceInfo?.name).toBe('sluice-dev-server-test');
    } finally {
      await connection.close();
    }

    expect(isRunning(server.pid)).toBe(true);
    await server.stop();
    await server.stop();
    expect(isRunning(server.pid)).toBe(false);
    expect(await refusesConnections(port)).toBe(true);
  });

  it('picks free ports for port 0 and serves the Web UI when asked', async () => {
    const server = await startDevServer({ ...base, port: 0, uiPort: 0 });
    try {
      expect(server.address).toMatch(/^127\.0\.0\.1:\d+$/);
      expect((await fetch(server.uiUrl ?? '')).ok).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it('refuses a port that is already taken, naming it', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      await expect(startDevServer({ ...base, port })).rejects.toThrow(`127.0.0.1:${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('rejects with the tail of the server output when the server dies at start', async () => {
    const cli = fakeCli('dies', 'echo "booting"; echo "Error: cannot open database" >&2; exit 3');
    await expect(startDevServer({ ...base, port: 0, cli })).rejects.toThrow(/exited \(code 3\)[\s\S]*booting[\s\S]*cannot open database/);
  });

  it('gives up after the ready timeout and stops the silent process', async () => {
    const pidFile = join(folder, 'silent.pid');
    const cli = fakeCli('silent', `echo $$ > '${pidFile}'; exec sleep 60`);
    await expect(startDevServer({ ...base, port: 0, cli, readyTimeoutMs: 500 })).rejects.toThrow(/did not answer/);
    expect(isRunning(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });
});
