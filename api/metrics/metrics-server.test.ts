import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import parsePrometheus from 'parse-prometheus-text-format';
import { afterAll, expect, inject, it } from 'vitest';
import { freePort } from '../../launcher/free-port.ts';
import { repoRoot } from '../../launcher/repo-root.ts';
import { storeEnv } from '../../store/store-config.ts';
import { testStoreConfig } from '../../test/temp-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'sluice-api-metrics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('the API process serves /metrics on SLUICE_METRICS_PORT and not on its public port, counting the requests it answered', async () => {
  const port = await freePort();
  const metricsPort = await freePort();
  const env = { ...process.env, ...storeEnv(testStoreConfig(dir)), TEMPORAL_ADDRESS: inject('temporalAddress'), TEMPORAL_NAMESPACE: inject('temporalNamespace'), PORT: String(port), SLUICE_METRICS_PORT: String(metricsPort), SLUICE_MIGRATE: '1' };
  const api = spawn(process.execPath, [join(repoRoot, 'api/main.ts')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(api, 'exit');
  try {
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: api.stdout }).on('line', (line) => line.includes('listening on http://') && resolve());
      void exited.then(() => reject(new Error('the API exited before it was ready')));
    });
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const families = new Map(parsePrometheus(await res.text()).map((f) => [f.name, f]));
    expect(families.get('sluice_http_requests_total')?.metrics).toEqual(
      expect.arrayContaining([
        { value: '1', labels: { route: 'unmatched', method: 'GET', status: '404' } },
        { value: '1', labels: { route: '/healthz', method: 'GET', status: '200' } },
      ]),
    );
    expect(families.get('sluice_scrape_error')?.metrics.every((m) => m.value === '0')).toBe(true);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/orders`)).status).toBe(404);
  } finally {
    api.kill('SIGTERM');
  }
  const [code] = (await exited) as [number | null];
  expect(code).toBe(0);
}, 90_000);
