import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../launcher/free-port.ts';
import { repoRoot } from '../launcher/repo-root.ts';
import { storeEnv } from '../store/store-config.ts';
import { testStoreConfig } from '../test/temp-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'sluice-worker-exit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the worker process to its end: its exit code and what it logged (on stdout, as every line). */
async function runWorker(env: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, [join(repoRoot, 'worker/main.ts')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout };
}

/** In a cluster its supervisor only sees the exit code: a worker that cannot work must end, and say why. */
describe('the worker process exits non-zero when it cannot work', () => {
  it('when the store cannot be opened', async () => {
    // A file where the store's folder should be: SQLite cannot create its database there.
    writeFileSync(join(dir, 'not-a-folder'), '');
    const { code, stdout } = await runWorker({ SLUICE_DATABASE_URL: `sqlite:${join(dir, 'not-a-folder', 'sluice.sqlite')}`, TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` });
    expect(code).toBe(1);
    expect(stdout).toContain('the worker cannot start: opening the store (SQLite');
  }, 60_000);

  it('when Temporal cannot be reached', async () => {
    const address = `127.0.0.1:${await freePort()}`;
    const { code, stdout } = await runWorker({ ...storeEnv(testStoreConfig(dir)), TEMPORAL_ADDRESS: address, SLUICE_MIGRATE: '1' });
    expect(code).toBe(1);
    expect(stdout).toContain(`the worker cannot start: reaching Temporal at ${address} (namespace default) failed`);
  }, 60_000);
});
