import { Gauge, type Metric, type Registry } from 'prom-client';
import { readAreaFigures, readCycleDurations, readDecisionTotals, readOpenEscalations, readOpenHolds } from '../../store/business-figures.ts';
import type { Store } from '../../store/open-store.ts';

type Value = { value: number; labels: Record<string, string>; metricName?: string };

// Seconds; a cycle of one area over a pool of a hundred thousand takes about one.
const CYCLE_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * A metric whose values are read from the store at scrape time rather than counted in this process: every
 * API process reports the same figures, and a restart loses none. prom-client formats it like its own.
 */
interface StoreFigure {
  name: string;
  help: string;
  type: 'gauge' | 'counter' | 'histogram';
  values: Value[];
}

/** One read of the store and the figures it fills; a read that fails leaves its figures empty and says so. */
type Source = { name: string; read: () => Promise<void>; figures: StoreFigure[]; maxAgeMs?: number };

// Cycle durations and decision totals read whole tables that only grow (half a million decisions take a
// second or more): read at most once a minute, however many Prometheus servers scrape and however often.
const SLOW_SOURCE_MAX_AGE_MS = 60_000;

export interface BusinessMetricsOptions {
  log: (line: string) => void;
  /** The clock that ages the slow sources' figures (epoch ms). */
  now: () => number;
}

/**
 * The business figures of /metrics. `refresh` reads them, each source with its own query, and scrapes at
 * the same time share one read; a failing read does not fail the scrape: `sluice_scrape_error{source}` is 1
 * for it and its figures are left out, with the reason logged once per failure spell.
 */
export function businessMetrics(registry: Registry, store: Store, { log, now }: BusinessMetricsOptions): { refresh(): Promise<void> } {
  const figure = (name: string, help: string, type: StoreFigure['type'] = 'gauge'): StoreFigure => {
    const f: StoreFigure = { name, help, type, values: [] };
    const metric = { name, help, type, get: () => ({ name, help, type, aggregator: 'first', values: f.values }) };
    registry.registerMetric(metric as unknown as Metric);
    return f;
  };
  const scrapeError = new Gauge({ name: 'sluice_scrape_error', help: '1 when the last scrape could not read a source of business figures from the store (its figures are missing), else 0.', labelNames: ['source'], registers: [registry] });

  const pool = figure('sluice_area_pool_orders', 'Orders waiting in the work area’s pool for release.');
  const wipOrders = figure('sluice_area_wip_orders', 'Orders in process in the work area (released and not finished, or on their way in).');
  const wipUnits = figure('sluice_area_wip_units', 'Units (line quantities) of the orders in process in the work area.');
  const wipLimit = figure('sluice_area_wip_limit', 'The work area’s WIP limit, in its capacity unit (label unit: orders or units); areas with a limit only.');
  const workload = figure('sluice_area_workload_hours', 'Released load in hours not yet processed at the work area (areas with a workload norm only).');
  const direct = figure('sluice_area_direct_load_hours', 'Hours of operations arrived at the work area and not yet done (areas with a workload norm only).');
  const norm = figure('sluice_area_workload_norm_hours', 'The work area’s workload norm in hours (areas with a norm only).');
  const holds = figure('sluice_holds_open', 'Holds on orders that have not ended, by hold type.');
  const escalations = figure('sluice_escalations_open', 'Escalated orders, by the role whose queue holds them.');
  const cycles = figure('sluice_release_cycle_duration_seconds', 'Duration of every recorded release cycle, by work area.', 'histogram');
  const decisions = figure('sluice_decisions_total', 'Decisions recorded, by decision point and outcome (the event the rules chose; none for a score).', 'counter');

  const sources: Source[] = [
    {
      name: 'areas',
      figures: [pool, wipOrders, wipUnits, wipLimit, workload, direct, norm],
      read: async () => {
        const areas = await readAreaFigures(store.em.fork(), new Date());
        pool.values = areas.map((a) => ({ labels: { area: a.workAreaId }, value: a.poolOrders }));
        wipOrders.values = areas.map((a) => ({ labels: { area: a.workAreaId }, value: a.wipOrders }));
        wipUnits.values = areas.map((a) => ({ labels: { area: a.workAreaId }, value: a.wipUnits }));
        wipLimit.values = areas.flatMap((a) => (a.wipLimit === null ? [] : [{ labels: { area: a.workAreaId, unit: a.unit }, value: a.wipLimit }]));
        const normed = areas.filter((a) => a.normHours !== null);
        workload.values = normed.map((a) => ({ labels: { area: a.workAreaId }, value: a.workloadHours ?? 0 }));
        direct.values = normed.map((a) => ({ labels: { area: a.workAreaId }, value: a.directHours ?? 0 }));
        norm.values = normed.map((a) => ({ labels: { area: a.workAreaId }, value: a.normHours ?? 0 }));
      },
    },
    {
      name: 'holds',
      figures: [holds],
      read: async () => {
        holds.values = (await readOpenHolds(store.em.fork())).map((h) => ({ labels: { type: h.type }, value: h.count }));
      },
    },
    {
      name: 'escalations',
      figures: [escalations],
      read: async () => {
        escalations.values = (await readOpenEscalations(store.em.fork())).map((e) => ({ labels: { role: e.role }, value: e.count }));
      },
    },
    {
      name: 'release_cycles',
      figures: [cycles],
      maxAgeMs: SLOW_SOURCE_MAX_AGE_MS,
      read: async () => {
        const areas = await readCycleDurations(store.em.fork(), CYCLE_BUCKETS_S.map((s) => s * 1000));
        cycles.values = areas.flatMap((a) => [
          ...CYCLE_BUCKETS_S.map((le, i) => ({ metricName: `${cycles.name}_bucket`, labels: { area: a.workAreaId, le: String(le) }, value: a.atMost[i] ?? 0 })),
          { metricName: `${cycles.name}_bucket`, labels: { area: a.workAreaId, le: '+Inf' }, value: a.count },
          { metricName: `${cycles.name}_sum`, labels: { area: a.workAreaId }, value: a.sumMs / 1000 },
          { metricName: `${cycles.name}_count`, labels: { area: a.workAreaId }, value: a.count },
        ]);
      },
    },
    {
      name: 'decisions',
      figures: [decisions],
      maxAgeMs: SLOW_SOURCE_MAX_AGE_MS,
      read: async () => {
        decisions.values = (await readDecisionTotals(store.em.fork())).map((d) => ({ labels: { decision_point: d.decisionPoint, outcome: d.outcome }, value: d.count }));
      },
    },
  ];

  const failing = new Set<string>();
  const readAt = new Map<string, number>();
  const reading = new Map<string, Promise<void>>();
  const readOnce = async (source: Source) => {
    try {
      await source.read();
      readAt.set(source.name, now());
      scrapeError.set({ source: source.name }, 0);
      if (failing.delete(source.name)) log(`metrics: reading ${source.name} works again`);
    } catch (error) {
      readAt.delete(source.name);
      for (const f of source.figures) f.values = [];
      scrapeError.set({ source: source.name }, 1);
      if (!failing.has(source.name)) log(`metrics: reading ${source.name} from the store fails: ${error instanceof Error ? error.message : String(error)}`);
      failing.add(source.name);
    } finally {
      reading.delete(source.name);
    }
  };
  return {
    async refresh() {
      await Promise.all(
        sources.map((source) => {
          const inFlight = reading.get(source.name);
          if (inFlight) return inFlight;
          const last = readAt.get(source.name);
          if (last !== undefined && now() - last < (source.maxAgeMs ?? 0)) return undefined;
          const read = readOnce(source);
          reading.set(source.name, read);
          return read;
        }),
      );
    },
  };
}
