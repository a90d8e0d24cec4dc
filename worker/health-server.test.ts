import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import parsePrometheus from 'parse-prometheus-text-format';
import { afterAll, expect, inject, it } from 'vitest';
import { freePort } from '../launcher/free-port.ts';
import { repoRoot } from '../launcher/repo-root.ts';
import { storeEnv } from '../store/store-config.ts';
import { testStoreConfig } from '../test/temp-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'sluice-worker-health-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('the worker process answers /healthz and /readyz on SLUICE_WORKER_HEALTH_PORT, the SDK metrics on SLUICE_WORKER_METRICS_PORT, and stops cleanly on SIGTERM', async () => {
  const port = await freePort();
  const metricsPort = await freePort();
  const env = { ...process.env, ...storeEnv(testStoreConfig(dir)), TEMPORAL_ADDRESS: inject('temporalAddress'), TEMPORAL_NAMESPACE: inject('temporalNamespace'), TEMPORAL_TASK_QUEUE: `health-${port}`, SLUICE_WORKER_HEALTH_PORT: String(port), SLUICE_WORKER_METRICS_PORT: String(metricsPort), SLUICE_MIGRATE: '1' };
  const worker = spawn(process.execPath, [join(repoRoot, 'worker/main.ts')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(worker, 'exit');
  try {
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: worker.stdout }).on('line', (line) => line.includes('polling the task queue') && resolve());
      void exited.then(() => reject(new Error('the worker exited before it was ready')));
    });
    const get = async (path: string) => {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      return { status: res.status, body: (await res.json()) as unknown };
    };
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    await expect
      .poll(() => get('/readyz'), { timeout: 10_000 })
      .toEqual({ status: 200, body: { status: 'ready', checks: [{ name: 'store', ok: true }, { name: 'migrations', ok: true }, { name: 'temporal', ok: true }, { name: 'worker', ok: true }] } });
    expect((await get('/metrics')).status).toBe(404);
    // The SDK's own exporter, on loopback: its families are Temporal's, the worker's polling among them.
    const families = parsePrometheus(await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text());
    expect(families.map((f) => f.name)).toContain('temporal_num_pollers');
    expect(families.every((f) => f.name.startsWith('temporal_'))).toBe(true);
  } finally {
    worker.kill('SIGTERM');
  }
  const [code] = (await exited) as [number | null];
  expect(code).toBe(0);
}, 90_000);
