import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import parsePrometheus, { type MetricFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Escalation, Hold } from '../../domain/order.ts';
import { freePort } from '../../launcher/free-port.ts';
import { DecisionRecord } from '../../store/decision.entity.ts';
import { OrderOperationRecord } from '../../store/order-operation.entity.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { ReleaseCycleRecord } from '../../store/release-cycle.entity.ts';
import { WorkAreaRecord } from '../../store/work-area.entity.ts';
import { useTempStore } from '../../test/temp-store.ts';
import { createApp } from '../app.ts';
import { createApiMetrics, type ApiMetrics } from './api-metrics.ts';
import { serveMetrics } from './metrics-server.ts';

/**
 * A real scrape of /metrics over HTTP, read with a Prometheus text parser, against what the store holds.
 * Histograms with labels are read sample by sample: the parser keeps only one unlabelled histogram per family.
 */
async function scrape(port: number): Promise<{ status: number; families: Map<string, MetricFamily> }> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  const text = await res.text();
  const families = new Map<string, MetricFamily>();
  // Untyped, each run of samples of one name is a family of its own: an area's buckets, then its sum and count, then the next area's.
  for (const f of parsePrometheus(text.replace(/^# TYPE (\S+) histogram$/gm, '# TYPE $1 untyped'))) {
    const seen = families.get(f.name);
    families.set(f.name, seen ? { ...seen, metrics: [...seen.metrics, ...f.metrics] } : f);
  }
  return { status: res.status, families };
}

/** A family's samples as `labels → value`, labels written `k=v,k=v` in their sorted order. */
function samples(families: Map<string, MetricFamily>, name: string): Record<string, number> {
  const family = families.get(name);
  if (!family) throw new Error(`${name} is not in the scrape`);
  return Object.fromEntries(
    family.metrics.map((m) => [
      Object.entries(m.labels ?? {})
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
      Number(m.value),
    ]),
  );
}

const countBy = <T>(items: T[], key: (t: T) => string | null): Record<string, number> =>
  items.reduce<Record<string, number>>((acc, t) => {
    const k = key(t);
    if (k !== null) acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});

describe('/metrics', () => {
  const store = useTempStore();
  let metrics: ApiMetrics;
  let server: Server;
  let port: number;
  let connection: Connection;
  const logged: string[] = [];
  let clock = Date.now();

  beforeAll(async () => {
    const em = store().em.fork();
    em.create(WorkAreaRecord, { id: 'line-a', name: 'Line A', kind: 'production_line', wipLimit: 5 });
    em.create(WorkAreaRecord, { id: 'pack-b', name: 'Pack B', kind: 'pack_station', wipLimit: 40, capacityUnit: 'units', workloadNormHours: 10 });
    let n = 0;
    const order = (workAreaId: string, state: OrderRecord['state'], extra: Partial<OrderRecord> = {}) =>
      em.create(OrderRecord, {
        id: `o-${++n}`,
        account: 'ACME',
        kind: 'production',
        statedPriority: 'normal',
        dueAt: new Date(Date.now() + 24 * 3_600_000),
        workAreaId,
        lines: [{ sku: 'A', qty: extra.units ?? 1, price: 1 }],
        state,
        ...extra,
      });
    const manual: Hold = { type: 'manual', reason: 'check', placedBy: 'dispatcher' };
    const credit: Hold = { type: 'credit', reason: 'limit', placedBy: 'rules' };
    const escalatedFrom = (from: Escalation['from'], role: Escalation['role']): Escalation => ({ reason: 'late', role, from });
    order('line-a', 'queued', { inPool: true, queuedAt: new Date() });
    order('line-a', 'queued', { inPool: true, queuedAt: new Date() });
    order('line-a', 'queued', { inPool: true, queuedAt: new Date(), releaseCycleId: 'granted', units: 2 });
    const released = order('line-a', 'released', { holdsSlot: true, releasedAt: new Date(), units: 3, routing: [{ workAreaId: 'line-a', hours: 2 }, { workAreaId: 'pack-b', hours: 4 }] });
    em.create(OrderOperationRecord, { id: `${released.id}:1`, orderId: released.id, workAreaId: 'line-a', position: 1, hours: 2 });
    em.create(OrderOperationRecord, { id: `${released.id}:2`, orderId: released.id, workAreaId: 'pack-b', position: 2, hours: 4 });
    order('pack-b', 'in_progress', { holdsSlot: true, releasedAt: new Date(), units: 7, holds: [manual] });
    order('pack-b', 'on_hold', { holds: [credit, manual] });
    order('pack-b', 'escalated', { inPool: true, queuedAt: new Date(), escalation: escalatedFrom('queued', 'dispatcher') });
    order('line-a', 'escalated', { holdsSlot: true, units: 4, escalation: escalatedFrom('assigned', 'ops_manager'), holds: [credit] });
    order('line-a', 'escalated', { escalation: escalatedFrom('specialist_review', 'ops_manager') });
    order('line-a', 'cancelled', { holds: [credit] });
    order('line-a', 'closed');
    const decided = (decisionPoint: string, chosen: string | null) =>
      em.create(DecisionRecord, {
        id: `d-${++n}`,
        orderId: 'o-1',
        decisionPoint,
        rulesetId: decisionPoint,
        rulesetName: decisionPoint,
        rulesetVersion: 1,
        facts: {},
        outcome: { events: [], score: chosen === null ? 12 : null, chosen: chosen === null ? null : { rule: null, type: chosen, params: {} } },
        rules: [],
        decidedAt: new Date(),
      });
    decided('intake', 'accept');
    decided('intake', 'accept');
    decided('intake', 'hold');
    decided('priority', null);
    decided('release', 'release');
    const cycle = (workAreaId: string, seq: number, durationMs: number) =>
      em.create(ReleaseCycleRecord, {
        id: `c-${workAreaId}-${seq}`,
        workAreaId,
        seq,
        startedAt: new Date(),
        durationMs,
        triggers: [],
        areaStatus: 'open',
        inShift: true,
        capacityUnit: 'orders',
        limit: 5,
        usedBefore: 0,
        usedAfter: 1,
        candidates: 3,
        released: [],
        escalated: [],
        waited: [],
        waitedByReason: {},
      });
    cycle('line-a', 1, 3);
    cycle('line-a', 2, 40);
    cycle('line-a', 3, 1_200);
    cycle('pack-b', 1, 8);
    await em.flush();

    metrics = createApiMetrics(store(), { log: (line) => logged.push(line), now: () => clock });
    port = await freePort();
    server = await serveMetrics({ port, hostname: '127.0.0.1', metrics });
    connection = Connection.lazy({ address: `127.0.0.1:${await freePort()}` });
  });
  afterAll(async () => {
    server?.close();
    await connection?.close();
  });

  it('reports pool, WIP and load per area, open holds and escalations, cycle durations and decisions as the store holds them', async () => {
    const { status, families } = await scrape(port);
    expect(status).toBe(200);

    const em = store().em.fork();
    const orders = await em.findAll(OrderRecord);
    const areas = await em.findAll(WorkAreaRecord, { orderBy: { id: 'asc' } });
    const inProcess = (o: OrderRecord) => o.holdsSlot || (o.inPool && o.releaseCycleId != null);
    const perArea = (pick: (o: OrderRecord) => number) => Object.fromEntries(areas.map((a) => [`area=${a.id}`, orders.filter((o) => o.workAreaId === a.id).reduce((s, o) => s + pick(o), 0)]));
    expect(samples(families, 'sluice_area_pool_orders')).toEqual(perArea((o) => (o.inPool && o.releaseCycleId == null ? 1 : 0)));
    expect(samples(families, 'sluice_area_wip_orders')).toEqual(perArea((o) => (inProcess(o) ? 1 : 0)));
    expect(samples(families, 'sluice_area_wip_units')).toEqual(perArea((o) => (inProcess(o) ? o.units : 0)));
    expect(samples(families, 'sluice_area_wip_limit')).toEqual(Object.fromEntries(areas.map((a) => [`area=${a.id},unit=${a.capacityUnit}`, a.wipLimit])));
    // Position-corrected: the released order's second operation, 4 hours at position 2, weighs 2 on pack-b.
    const operations = await em.findAll(OrderOperationRecord);
    const wip = new Set(orders.filter(inProcess).map((o) => o.id));
    const packLoad = operations.filter((op) => op.workAreaId === 'pack-b' && wip.has(op.orderId)).reduce((s, op) => s + op.hours / op.position, 0);
    expect(samples(families, 'sluice_area_workload_hours')).toEqual({ 'area=pack-b': packLoad });
    // Nothing of the released order has arrived at pack-b yet: its direct load is empty.
    expect(samples(families, 'sluice_area_direct_load_hours')).toEqual({ 'area=pack-b': 0 });
    expect(samples(families, 'sluice_area_workload_norm_hours')).toEqual({ 'area=pack-b': 10 });
    expect(samples(families, 'sluice_area_pool_orders')).toEqual({ 'area=line-a': 2, 'area=pack-b': 1 });
    expect(samples(families, 'sluice_area_wip_units')).toEqual({ 'area=line-a': 9, 'area=pack-b': 7 });

    const open = orders.filter((o) => !['rejected', 'cancelled', 'split', 'closed'].includes(o.state));
    expect(samples(families, 'sluice_holds_open')).toEqual(
      Object.fromEntries(Object.entries(countBy(open.flatMap((o) => o.holds ?? []), (h) => h.type)).map(([type, n]) => [`type=${type}`, n])),
    );
    expect(samples(families, 'sluice_holds_open')).toEqual({ 'type=credit': 2, 'type=manual': 2 });
    expect(samples(families, 'sluice_escalations_open')).toEqual(
      Object.fromEntries(Object.entries(countBy(orders, (o) => (o.state === 'escalated' ? o.escalation!.role : null))).map(([role, n]) => [`role=${role}`, n])),
    );

    const decisions = await em.findAll(DecisionRecord);
    expect(samples(families, 'sluice_decisions_total')).toEqual(
      Object.fromEntries(Object.entries(countBy(decisions, (d) => `decision_point=${d.decisionPoint},outcome=${d.outcome.chosen?.type ?? 'none'}`))),
    );
    expect(families.get('sluice_decisions_total')?.type).toBe('COUNTER');

    const cycles = await em.findAll(ReleaseCycleRecord);
    const buckets = samples(families, 'sluice_release_cycle_duration_seconds_bucket');
    for (const area of ['line-a', 'pack-b']) {
      const durations = cycles.filter((c) => c.workAreaId === area).map((c) => c.durationMs / 1000);
      for (const le of ['0.005', '0.05', '1', '2.5', '+Inf']) {
        expect(buckets[`area=${area},le=${le}`], `${area} le ${le}`).toBe(durations.filter((d) => le === '+Inf' || d <= Number(le)).length);
      }
      expect(samples(families, 'sluice_release_cycle_duration_seconds_count')[`area=${area}`]).toBe(durations.length);
      expect(samples(families, 'sluice_release_cycle_duration_seconds_sum')[`area=${area}`]).toBeCloseTo(durations.reduce((a, b) => a + b, 0), 6);
    }

    expect(samples(families, 'sluice_scrape_error')).toEqual({ 'source=areas': 0, 'source=decisions': 0, 'source=escalations': 0, 'source=holds': 0, 'source=release_cycles': 0 });
    expect(families.has('process_cpu_user_seconds_total')).toBe(true);
    expect(families.has('nodejs_eventloop_lag_seconds')).toBe(true);
  });

  it('counts requests by route pattern, method and status, never by the path asked', async () => {
    const app = createApp({ store: store(), temporal: new Client({ connection }), taskQueue: 'metrics-test', metrics });
    await app.request('/healthz');
    await app.request('/healthz');
    await app.request('/orders/o-1');
    await app.request('/orders/o-2');
    await app.request('/no/such/path/o-3');
    const { families } = await scrape(port);
    const requests = samples(families, 'sluice_http_requests_total');
    expect(requests).toMatchObject({ 'method=GET,route=/healthz,status=200': 2, 'method=GET,route=/orders/:id,status=401': 2, 'method=GET,route=unmatched,status=404': 1 });
    expect(samples(families, 'sluice_http_request_duration_seconds_count')).toMatchObject({ 'method=GET,route=/healthz,status=200': 2 });
    const labels = [...families.values()].flatMap((f) => f.metrics.flatMap((m) => Object.values(m.labels ?? {})));
    expect(labels.filter((v) => /o-\d/.test(v))).toEqual([]);
    expect(samples(families, 'sluice_live_event_streams')).toEqual({ '': 0 });
  });

  it('reads decision totals and cycle durations, whole tables, at most once a minute; the areas at every scrape', async () => {
    const before = await scrape(port);
    const em = store().em.fork();
    em.create(DecisionRecord, { id: 'd-late', orderId: 'o-1', decisionPoint: 'intake', rulesetId: 'intake', rulesetName: 'intake', rulesetVersion: 1, facts: {}, outcome: { events: [], score: null, chosen: { rule: null, type: 'reject', params: {} } }, rules: [], decidedAt: new Date() });
    em.create(OrderRecord, { id: 'o-late', account: 'ACME', kind: 'production', statedPriority: 'normal', dueAt: new Date(Date.now() + 3_600_000), workAreaId: 'pack-b', lines: [], state: 'queued', inPool: true });
    await em.flush();
    const soon = await scrape(port);
    expect(samples(soon.families, 'sluice_decisions_total')).toEqual(samples(before.families, 'sluice_decisions_total'));
    expect(samples(soon.families, 'sluice_area_pool_orders')['area=pack-b']).toBe(samples(before.families, 'sluice_area_pool_orders')['area=pack-b']! + 1);
    clock += 60_000;
    const later = await scrape(port);
    expect(samples(later.families, 'sluice_decisions_total')['decision_point=intake,outcome=reject']).toBe(1);
  });

  it('answers a scrape whose store read fails, naming the source in sluice_scrape_error and logging why once', async () => {
    await store().em.getConnection().execute('drop table decisions');
    clock += 60_000;
    const first = await scrape(port);
    const second = await scrape(port);
    expect(second.status).toBe(200);
    expect(samples(second.families, 'sluice_scrape_error')).toMatchObject({ 'source=decisions': 1, 'source=areas': 0 });
    expect(samples(second.families, 'sluice_decisions_total')).toEqual({});
    expect(samples(first.families, 'sluice_area_pool_orders')).toEqual({ 'area=line-a': 2, 'area=pack-b': 2 });
    expect(logged.filter((line) => line.startsWith('metrics: reading decisions from the store fails'))).toHaveLength(1);
  });
});
