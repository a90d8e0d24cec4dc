import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import parsePrometheus, { type MetricFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { createApiMetrics, type ApiMetrics } from '../../api/metrics/api-metrics.ts';
import type { OrderSummary } from '../../domain/order.ts';
import { freePort } from '../../launcher/free-port.ts';
import { repoRoot } from '../../launcher/repo-root.ts';
import { hoursFromNow } from '../../test/clock.ts';
import { createHarness, eventually, quietWorkerLogs, type Harness } from '../../test/sluice-harness.ts';
import { workerRuntimeOptions } from '../../worker/runtime-options.ts';

type Panel = { type: string; title: string; targets?: { expr: string }[]; panels?: Panel[] };
const dashboard = JSON.parse(readFileSync(join(repoRoot, 'ops/grafana/sluice-dashboard.json'), 'utf8')) as { uid: string; panels: Panel[] };

// Series names in a PromQL expression: the exporters' prefixes, so functions, labels and values are left out.
const SERIES = /\b(?:sluice|temporal|process|nodejs)_[a-z0-9_]+\b/g;

/** The series a scrape offers: a histogram's family name stands for its _bucket, _sum and _count series. */
function seriesOf(families: MetricFamily[]): Set<string> {
  return new Set(families.flatMap((f) => (f.type === 'HISTOGRAM' ? [`${f.name}_bucket`, `${f.name}_sum`, `${f.name}_count`] : [f.name])));
}

/**
 * The sample dashboard queries only series Sluice exports: the API's /metrics and a worker's SDK metrics,
 * both scraped for real after an order has gone through its release, so the SDK has reported its task latencies.
 */
describe('the sample Grafana dashboard', () => {
  let h: Harness;
  let metrics: ApiMetrics;
  let sdkPort: number;
  beforeAll(async () => {
    sdkPort = await freePort();
    quietWorkerLogs(workerRuntimeOptions({ SLUICE_WORKER_METRICS_PORT: String(sdkPort) }).telemetryOptions);
    h = await createHarness({ wipLimit: 5, worker: true });
    metrics = createApiMetrics(h.store);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is a dashboard whose every panel queries series that /metrics or the Temporal SDK exports', async () => {
    const app = createApp({ store: h.store, temporal: h.client, taskQueue: h.taskQueue, metrics });
    const body = JSON.stringify({ reference: 'DASH-1', account: 'ACME', dueAt: hoursFromNow(24), workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 1, price: 1 }] });
    const posted = await app.request('/orders', { method: 'POST', body, headers: { 'content-type': 'application/json', ...(await h.auth('dispatcher')) } });
    expect(posted.status).toBe(201);
    await h.reach(((await posted.json()) as OrderSummary).id, 'assigned');

    const api = parsePrometheus((await metrics.scrape()).body);
    // The SDK reports on its own schedule: wait until the order's activity task shows.
    const sdkFamilies = async () => parsePrometheus(await (await fetch(`http://127.0.0.1:${sdkPort}/metrics`)).text());
    const sdk = await eventually(async () => ((f) => (f.some((m) => m.name === 'temporal_activity_schedule_to_start_latency_seconds') ? f : undefined))(await sdkFamilies()), 'the SDK to report the activity tasks');
    const exported = new Set([...seriesOf(api), ...seriesOf(sdk)]);

    const panels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]).filter((p) => p.type !== 'row');
    expect(dashboard.uid).toBe('sluice-overview');
    expect(panels.length).toBeGreaterThan(10);
    const queried = panels.flatMap((p) => {
      expect(p.targets?.length, `${p.title} has no query`).toBeGreaterThan(0);
      return p.targets!.flatMap((t) => t.expr.match(SERIES) ?? []);
    });
    expect([...new Set(queried)].filter((name) => !exported.has(name))).toEqual([]);
    // Every business figure and every kind of SDK figure the issue names has a panel.
    for (const name of ['sluice_http_requests_total', 'sluice_http_request_duration_seconds_bucket', 'sluice_area_pool_orders', 'sluice_area_wip_orders', 'sluice_area_workload_hours', 'sluice_holds_open', 'sluice_escalations_open', 'sluice_release_cycle_duration_seconds_bucket', 'sluice_decisions_total', 'temporal_workflow_task_schedule_to_start_latency_seconds_bucket', 'temporal_worker_task_slots_available']) {
      expect(queried).toContain(name);
    }
  }, 120_000);
});
