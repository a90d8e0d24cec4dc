import type { EntityManager } from '@mikro-orm/sql';
import { sql, type RawBuilder } from 'kysely';
import { bucketIndexOf, trendBuckets, zoneOffsetMs, type BucketRange } from '../domain/trend-buckets.ts';
import { HOUR_BIN_EDGES, type HourPercentiles, type TrendPoint, type Trends, type TrendsQuery } from '../domain/trends.ts';
import type { WorkArea } from '../domain/work-area.ts';
import { dialectSql } from './dialect.ts';
import { spreadOf } from './operating-measures.ts';
import { lateSql, moveSql } from './order-moves.ts';
import { sqlOn } from './sql.ts';

const HOUR = 3_600_000;
type Count = number | string;

/**
 * The areas a query covers and the zone their buckets are cut in: the areas' own zone when they share
 * one, else UTC (a day cannot start at two midnights).
 */
export function trendScope(areas: readonly WorkArea[], query: Pick<TrendsQuery, 'site' | 'areaId'>): { areas: WorkArea[]; timeZone: string } {
  const chosen = areas.filter((a) => (query.areaId === undefined || a.id === query.areaId) && (query.site === undefined || a.warehouse === query.site));
  const zones = new Set(chosen.map((a) => a.timeZone));
  return { areas: chosen, timeZone: zones.size === 1 ? [...zones][0]! : 'UTC' };
}

/**
 * Trends over a period, bucket by bucket, from the audit log (releases, completions, escalations) and the
 * release cycles (pool, WIP and load as each cycle saw them). Every query is one grouped aggregate over an
 * indexed time range: rows come back per hour, never per order, and hours are assigned to buckets here.
 * An hour is shifted by the zone's part-hour offset so that no hour straddles a local bucket boundary.
 */
export async function readTrends(em: EntityManager, allAreas: readonly WorkArea[], query: TrendsQuery): Promise<Trends> {
  const { areas, timeZone } = trendScope(allAreas, query);
  const buckets = trendBuckets(query.from, query.to, query.bucket, timeZone);
  const from = new Date(buckets[0]!.from);
  const to = new Date(buckets.at(-1)!.to);
  const shiftMs = (((zoneOffsetMs(from.getTime(), timeZone) % HOUR) + HOUR) % HOUR);
  const ids = areas.map((a) => a.id);
  const filtered = areas.length < allAreas.length;
  const base = { timeZone, bucket: query.bucket, from: from.toISOString(), to: to.toISOString(), areaIds: ids };
  const points = buckets.map(emptyPoint);
  if (ids.length === 0) return { ...base, points, cycleTimeHistogram: histogramOf(new Array<number>(HOUR_BIN_EDGES.length + 1).fill(0)) };

  const range = { from, to, shiftMs, ids: filtered ? ids : null };
  const [events, waits, cycles, loads] = await Promise.all([readEvents(em, range), readWaits(em, range), readCycles(em, range), readLoads(em, range)]);
  const inBucket = (slot: Count) => bucketIndexOf(buckets, Number(slot) * HOUR - shiftMs);

  for (const r of events) {
    const p = points[inBucket(r.slot)];
    if (!p) continue;
    p.released += Number(r.released);
    p.releasedLate += Number(r.released_late);
    p.completed += Number(r.completed);
    p.completedLate += Number(r.completed_late);
    p.escalationsOpened += Number(r.opened);
    p.escalationsResolved += Number(r.resolved);
  }
  const bins = { pool: points.map(() => zeroBins()), cycle: points.map(() => zeroBins()) };
  for (const r of waits) {
    const i = inBucket(r.slot);
    if (i >= 0) bins[Number(r.kind) === 0 ? 'pool' : 'cycle'][i]![Number(r.bin)]! += Number(r.n);
  }
  const perArea = points.map(() => new Map<string, AreaCycles>());
  for (const r of cycles) {
    const i = inBucket(r.slot);
    if (i < 0) continue;
    const a = areaCycles(perArea[i]!, r.work_area_id);
    a.cycles += Number(r.n);
    a.usedSum += Number(r.used);
    a.usedPeak = Math.max(a.usedPeak, Number(r.peak));
    a.limit = r.lim === null ? a.limit : Math.max(a.limit ?? 0, Number(r.lim));
    a.poolSum += Number(r.pool);
  }
  const chosen = new Set(ids);
  const perAreaLoad = points.map(() => new Map<string, { cycles: number; sum: number; peak: number; norm: number }>());
  for (const r of loads) {
    const i = inBucket(r.slot);
    if (i < 0 || !chosen.has(r.area)) continue;
    const a = perAreaLoad[i]!.get(r.area) ?? { cycles: 0, sum: 0, peak: 0, norm: 0 };
    perAreaLoad[i]!.set(r.area, { cycles: a.cycles + Number(r.n), sum: a.sum + Number(r.after), peak: Math.max(a.peak, Number(r.peak)), norm: Math.max(a.norm, Number(r.norm)) });
  }

  points.forEach((p, i) => {
    p.onTimeReleasePercent = percentOf(p.released - p.releasedLate, p.released);
    p.onTimeCompletionPercent = percentOf(p.completed - p.completedLate, p.completed);
    p.poolAgeHours = percentilesOf(bins.pool[i]!);
    p.cycleTimeHours = percentilesOf(bins.cycle[i]!);
    const measured = [...perArea[i]!.values()];
    const pools = spreadOf(measured.map((a) => a.poolSum / a.cycles));
    p.queueBalance = { areas: measured.length, meanPool: pools.mean, spread: pools.spread, coefficientOfVariation: pools.coefficientOfVariation };
    const limited = measured.filter((a) => a.limit !== null && a.limit > 0);
    p.wipPercentOfLimit = meanAndPeak(limited.map((a) => ({ mean: a.usedSum / a.cycles / a.limit!, peak: a.usedPeak / a.limit! })));
    const normed = [...perAreaLoad[i]!.values()].filter((a) => a.norm > 0);
    p.loadPercentOfNorm = meanAndPeak(normed.map((a) => ({ mean: a.sum / a.cycles / a.norm, peak: a.peak / a.norm })));
  });
  const period = zeroBins();
  for (const b of bins.cycle) b.forEach((n, k) => (period[k]! += n));
  return { ...base, points, cycleTimeHistogram: histogramOf(period) };
}

interface Range {
  from: Date;
  to: Date;
  shiftMs: number;
  /** Null: every area, no filter. */
  ids: string[] | null;
}
type AreaCycles = { cycles: number; usedSum: number; usedPeak: number; limit: number | null; poolSum: number };

const inAreas = (column: RawBuilder<unknown>, ids: string[] | null) => (ids === null ? sql`` : sql`and ${column} in (${sql.join(ids)})`);

type EventRow = { slot: Count; released: Count; released_late: Count; completed: Count; completed_late: Count; opened: Count; resolved: Count };

/** Releases, completions and escalations per hour: an order's move counts once, at its audit entry. */
async function readEvents(em: EntityManager, r: Range): Promise<EventRow[]> {
  const d = dialectSql(em);
  const released = moveSql('released');
  const finished = moveSql('completed');
  const { rows } = await sql<EventRow>`select ${d.epochSlot(sql`a.at`, HOUR, r.shiftMs)} as slot,
      sum(case when ${released} then 1 else 0 end) as released,
      sum(case when ${released} and ${lateSql(em, 'released')} then 1 else 0 end) as released_late,
      sum(case when ${finished} then 1 else 0 end) as completed,
      sum(case when ${finished} and ${lateSql(em, 'completed')} then 1 else 0 end) as completed_late,
      sum(case when ${moveSql('escalated')} then 1 else 0 end) as opened,
      sum(case when ${moveSql('resolved')} then 1 else 0 end) as resolved
    from audit_log a join orders o on o.id = a.subject_id join work_areas w on w.id = o.work_area_id
    where a.at >= ${r.from} and a.at < ${r.to} and a.subject_type = ${'order'} ${inAreas(sql`o.work_area_id`, r.ids)}
      and (a.to_state in (${sql.join(['released', 'escalated', 'completed', 'delivered'])}) or a.from_state = ${'escalated'})
    group by 1`.execute(sqlOn(em));
  return rows;
}

type WaitRow = { slot: Count; kind: Count; bin: Count; n: Count };

/**
 * Pool age at release (kind 0: from the order's entry into the pool) and cycle time (kind 1: from its
 * release to completion), counted per hour into the histogram's bins, compared in milliseconds.
 */
async function readWaits(em: EntityManager, r: Range): Promise<WaitRow[]> {
  const d = dialectSql(em);
  const isRelease = sql`a.to_state = ${'released'}`;
  const bin = sql.join(HOUR_BIN_EDGES.map((edge, i) => sql`when t.ms < ${edge * HOUR} then ${i}`), sql` `);
  const { rows } = await sql<WaitRow>`select t.slot, t.kind, case ${bin} else ${HOUR_BIN_EDGES.length} end as bin, count(*) as n from (
      select ${d.epochSlot(sql`a.at`, HOUR, r.shiftMs)} as slot,
        case when ${isRelease} then 0 else 1 end as kind,
        ${d.epochMs(sql`a.at`)} - ${d.epochMs(sql`case when ${isRelease} then o.queued_at else o.released_at end`)} as ms
      from audit_log a join orders o on o.id = a.subject_id
      where a.at >= ${r.from} and a.at < ${r.to} and a.subject_type = ${'order'} ${inAreas(sql`o.work_area_id`, r.ids)}
        and ((${moveSql('released')} and o.queued_at <= a.at) or (${moveSql('completed')} and o.released_at <= a.at))
    ) t group by t.slot, t.kind, 3`.execute(sqlOn(em));
  return rows;
}

type CycleRow = { work_area_id: string; slot: Count; n: Count; used: Count; peak: Count; lim: Count | null; pool: Count };

/** What the release cycles saw, per area and hour: WIP against the limit, and the pool they ranked. */
async function readCycles(em: EntityManager, r: Range): Promise<CycleRow[]> {
  const { rows } = await sql<CycleRow>`select c.work_area_id, ${dialectSql(em).epochSlot(sql`c.started_at`, HOUR, r.shiftMs)} as slot,
      count(*) as n, sum(c.used_after) as used, max(c.used_after) as peak, max(c."limit") as lim, sum(c.candidates) as pool
    from release_cycles c
    where c.started_at >= ${r.from} and c.started_at < ${r.to} ${inAreas(sql`c.work_area_id`, r.ids)}
    group by 1, 2`.execute(sqlOn(em));
  return rows;
}

type LoadRow = { area: string; slot: Count; n: Count; after: Count; peak: Count; norm: Count };

/** The released load of the normed areas after each cycle that touched them, per area and hour. */
async function readLoads(em: EntityManager, r: Range): Promise<LoadRow[]> {
  const d = dialectSql(em);
  // JSON keys are part of the statement, as column names are.
  const after = sql`cast(e.value ->> 'after' as double precision)`;
  const { rows } = await sql<LoadRow>`select e.value ->> 'workAreaId' as area, ${d.epochSlot(sql`c.started_at`, HOUR, r.shiftMs)} as slot,
      count(*) as n, sum(${after}) as after, max(${after}) as peak, max(cast(e.value ->> 'normHours' as double precision)) as norm
    from release_cycles c, ${d.jsonArrayElements(sql`c.workloads`)}
    where c.started_at >= ${r.from} and c.started_at < ${r.to} and c.workloads is not null
    group by 1, 2`.execute(sqlOn(em));
  return rows;
}

function emptyPoint(b: BucketRange): TrendPoint {
  const none = { count: 0, p50: null, p90: null };
  return {
    from: new Date(b.from).toISOString(),
    to: new Date(b.to).toISOString(),
    label: b.label,
    released: 0,
    releasedLate: 0,
    onTimeReleasePercent: null,
    completed: 0,
    completedLate: 0,
    onTimeCompletionPercent: null,
    queueBalance: { areas: 0, meanPool: 0, spread: 0, coefficientOfVariation: null },
    wipPercentOfLimit: { mean: null, peak: null },
    loadPercentOfNorm: { mean: null, peak: null },
    poolAgeHours: none,
    escalationsOpened: 0,
    escalationsResolved: 0,
    cycleTimeHours: none,
  };
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const percentOf = (part: number, whole: number) => (whole > 0 ? round((100 * part) / whole) : null);
const zeroBins = () => new Array<number>(HOUR_BIN_EDGES.length + 1).fill(0);

function areaCycles(map: Map<string, AreaCycles>, id: string): AreaCycles {
  let a = map.get(id);
  if (!a) map.set(id, (a = { cycles: 0, usedSum: 0, usedPeak: 0, limit: null, poolSum: 0 }));
  return a;
}

function meanAndPeak(ratios: readonly { mean: number; peak: number }[]): { mean: number | null; peak: number | null } {
  if (ratios.length === 0) return { mean: null, peak: null };
  return { mean: round((100 * ratios.reduce((s, r) => s + r.mean, 0)) / ratios.length), peak: round(100 * Math.max(...ratios.map((r) => r.peak))) };
}

/**
 * Median and 90th percentile estimated from the bins: linear within the bin the rank falls in (so within
 * its width of the exact figure); a rank in the last, open bin gives its lower edge.
 */
export function percentilesOf(bins: readonly number[]): HourPercentiles {
  const count = bins.reduce((a, b) => a + b, 0);
  const at = (q: number): number | null => {
    if (count === 0) return null;
    const rank = q * count;
    let before = 0;
    for (let i = 0; i < bins.length; i++) {
      const n = bins[i]!;
      if (n > 0 && before + n >= rank) {
        const lo = i === 0 ? 0 : HOUR_BIN_EDGES[i - 1]!;
        const hi = HOUR_BIN_EDGES[i];
        return hi === undefined ? lo : round(lo + ((hi - lo) * (rank - before)) / n, 2);
      }
      before += n;
    }
    return null;
  };
  return { count, p50: at(0.5), p90: at(0.9) };
}

function histogramOf(bins: readonly number[]): Trends['cycleTimeHistogram'] {
  return bins.map((orders, i) => ({ fromHours: i === 0 ? 0 : HOUR_BIN_EDGES[i - 1]!, toHours: HOUR_BIN_EDGES[i] ?? null, orders }));
}
