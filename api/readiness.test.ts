import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { expect, it } from 'vitest';
import { migrate } from '../store/migrate.ts';
import { connectStore } from '../store/open-store.ts';
import { testStoreConfig } from '../test/temp-store.ts';
import { readinessChecks, readinessProbe, type ReadinessCheck } from './readiness.ts';

it('names the failing checks without their detail, logs each change of a check once, and gives up on a check that does not answer', async () => {
  let storeUp = true;
  const checks: ReadinessCheck[] = [
    {
      name: 'store',
      check: async () => {
        if (!storeUp) throw new Error('connect ECONNREFUSED 10.0.0.5:5432 as sluice_app');
      },
    },
    { name: 'temporal', check: () => new Promise(() => {}) },
  ];
  const lines: string[] = [];
  const probe = readinessProbe(checks, (line) => lines.push(line));

  expect(await probe()).toEqual({ ready: false, checks: [{ name: 'store', ok: true }, { name: 'temporal', ok: false }] });
  storeUp = false;
  const down = await probe();
  expect(down).toEqual({ ready: false, checks: [{ name: 'store', ok: false }, { name: 'temporal', ok: false }] });
  expect(JSON.stringify(down)).not.toContain('10.0.0.5');
  storeUp = true;
  await probe();
  expect(lines).toEqual([
    'readiness: temporal fails: no answer within 2000 ms',
    'readiness: store fails: connect ECONNREFUSED 10.0.0.5:5432 as sluice_app',
    'readiness: store is reachable again',
  ]);
}, 15_000);

it('is not ready on a store with a pending migration, and says what to run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-readiness-'));
  const behind = await connectStore(testStoreConfig(dir));
  const lines: string[] = [];
  try {
    const migrations = readinessChecks(behind, {} as Client).filter((c) => c.name !== 'temporal');
    const probe = readinessProbe(migrations, (line) => lines.push(line));
    expect(await probe()).toEqual({ ready: false, checks: [{ name: 'store', ok: true }, { name: 'migrations', ok: false }] });
    expect(lines).toEqual([expect.stringMatching(/^readiness: migrations fails: \d+ pending: run \.\/sluice migrate$/)]);
    await migrate(behind);
    expect((await probe()).ready).toBe(true);
  } finally {
    await behind.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
