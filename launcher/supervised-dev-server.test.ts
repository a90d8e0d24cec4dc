import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, expect, it } from 'vitest';
import { superviseDevServer } from './supervised-dev-server.ts';

const folder = mkdtempSync(join(tmpdir(), 'sluice-supervised-dev-server-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it('restarts a killed dev server on the same address, with the workflows of its db file', async () => {
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const server = await superviseDevServer(
    { ip: '127.0.0.1', port: 0, uiPort: false, dbFile: join(folder, 'temporal.sqlite'), namespace: 'default', logLevel: 'error' },
    { log, onGiveUp: log, policy: { firstDelayMs: 50, maxDelayMs: 1_000, stableRunMs: 60_000, maxCrashesInARow: 3 }, watchIntervalMs: 500 },
  );
  try {
    const workflowId = 'survives-a-restart';
    const before = await Connection.connect({ address: server.address });
    // No worker polls this queue: the workflow just waits, running, in the server's store.
    await new Client({ connection: before }).workflow.start('nobodyRunsThis', { workflowId, taskQueue: 'no-worker' });
    await before.close();

    process.kill(server.pid, 'SIGKILL');
    await expect.poll(() => lines, { timeout: 30_000, interval: 200 }).toContain('[launcher] The Temporal dev server restarted.');
    expect(lines).toContain('[launcher] The Temporal dev server exited unexpectedly (SIGKILL); restarting it in 50 ms (crash 1 in a row).');

    const after = await Connection.connect({ address: server.address });
    try {
      const { workflowExecutionInfo } = await after.workflowService.describeWorkflowExecution({ namespace: 'default', execution: { workflowId } });
      expect(workflowExecutionInfo?.execution?.workflowId).toBe(workflowId);
    } finally {
      await after.close();
    }
  } finally {
    await server.stop();
  }
}, 60_000);

it('stops and restarts a dev server that no longer answers', async () => {
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const server = await superviseDevServer(
    { ip: '127.0.0.1', port: 0, uiPort: false, dbFile: join(folder, 'stuck.sqlite'), namespace: 'default', logLevel: 'error' },
    { log, onGiveUp: log, policy: { firstDelayMs: 50, maxDelayMs: 1_000, stableRunMs: 60_000, maxCrashesInARow: 3 }, watchIntervalMs: 300 },
  );
  try {
    // A stopped process keeps its port but answers nothing: a hung server, as the watch sees it.
    process.kill(server.pid, 'SIGSTOP');
    await expect.poll(() => lines, { timeout: 40_000, interval: 200 }).toContain('[launcher] The Temporal dev server restarted.');
    expect(lines.some((line) => line.startsWith(`[launcher] The Temporal dev server at ${server.address} stopped answering (3 health checks in a row failed`))).toBe(true);
    const after = await Connection.connect({ address: server.address });
    await after.close();
  } finally {
    await server.stop();
  }
}, 60_000);
