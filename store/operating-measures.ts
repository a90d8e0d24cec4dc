import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { AreaMeasures, OperatingMeasures, Spread } from '../domain/operating-measures.ts';
import { isInShift } from '../domain/shift-calendar.ts';
import type { WorkArea } from '../domain/work-area.ts';
import { readNormedAreas } from './release-pool-reads.ts';
import { dialectSql } from './dialect.ts';
import { dateOf, sqlOn, type DateColumn } from './sql.ts';
import { toWorkArea, WorkAreaRecord } from './work-area.entity.ts';

/** An area's orders counted in the database: a pool may hold a hundred thousand, so none is read one by one. */
export interface AreaCounts {
  poolLength: number;
  /** When the longest-waiting pool order entered the pool (epoch ms), null for an empty pool. */
  oldestQueuedAt: number | null;
  wip: number;
  /** The units of the work in process. */
  wipUnits: number;
  released: number;
  releasedLate: number;
}

const NO_ORDERS: AreaCounts = { poolLength: 0, oldestQueuedAt: null, wip: 0, wipUnits: 0, released: 0, releasedLate: 0 };

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function measureArea(area: WorkArea, counts: AreaCounts, now: Date, workload = { loadHours: 0, directHours: 0 }): AreaMeasures {
  const load = area.capacity.unit === 'units' ? counts.wipUnits : counts.wip;
  const { released, releasedLate } = counts;
  return {
    workAreaId: area.id,
    status: area.status,
    inShift: isInShift(area.shiftCalendar, area.timeZone, now),
    poolLength: counts.poolLength,
    wip: counts.wip,
    load,
    limit: area.capacity.wipLimit,
    unit: area.capacity.unit,
    utilization: area.capacity.wipLimit === null ? null : round(load / area.capacity.wipLimit),
    workload: area.capacity.workloadNormHours === null ? null : { hours: round(workload.loadHours), directHours: round(workload.directHours), normHours: area.capacity.workloadNormHours },
    oldestWaitMinutes: counts.poolLength > 0 && counts.oldestQueuedAt !== null ? Math.round((now.getTime() - counts.oldestQueuedAt) / 60_000) : null,
    released,
    releasedLate,
    onTimeReleasePercent: released > 0 ? round((100 * (released - releasedLate)) / released, 1) : null,
  };
}

export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) return { min: 0, max: 0, mean: 0, spread: 0, coefficientOfVariation: null };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
  const min = values.reduce((a, b) => Math.min(a, b));
  const max = values.reduce((a, b) => Math.max(a, b));
  return { min, max, mean: round(mean), spread: round(max - min), coefficientOfVariation: mean > 0 ? round(sd / mean) : null };
}

// Sums come back as numbers from SQLite and as bigint text from PostgreSQL.
type Sum = number | string;
type CountsRow = { work_area_id: string; pool_length: Sum; oldest_queued_at: DateColumn | null; wip: Sum; wip_units: Sum | null; released: Sum; released_late: Sum };

/**
 * Every area's orders counted as the release cycle counts them: a slot is taken by work holding one and by
 * a release on its way; the pool is what waits with no grant. Late: released after the planned release time
 * (due time minus the area's planned lead time). A pool order with no queue time waits since `now`.
 */
export async function countOrders(em: EntityManager, now: Date): Promise<Map<string, AreaCounts>> {
  const pooled = sql`o.in_pool = ${true} and o.release_cycle_id is null`;
  const inProcess = sql`(o.holds_slot = ${true} or (o.in_pool = ${true} and o.release_cycle_id is not null))`;
  const { rows } = await sql<CountsRow>`select o.work_area_id,
      sum(case when ${pooled} then 1 else 0 end) as pool_length,
      min(case when ${pooled} then coalesce(o.queued_at, ${now}) end) as oldest_queued_at,
      sum(case when ${inProcess} then 1 else 0 end) as wip,
      sum(case when ${inProcess} then o.units else 0 end) as wip_units,
      sum(case when o.released_at is not null then 1 else 0 end) as released,
      sum(case when o.released_at > ${dialectSql(em).hoursBefore(sql`o.due_at`, sql`a.planned_lead_time_hours`)} then 1 else 0 end) as released_late
    from orders o join work_areas a on a.id = o.work_area_id
    group by o.work_area_id`.execute(sqlOn(em));
  return new Map(
    rows.map((r) => [
      r.work_area_id,
      {
        poolLength: Number(r.pool_length),
        oldestQueuedAt: r.oldest_queued_at === null ? null : dateOf(r.oldest_queued_at).getTime(),
        wip: Number(r.wip),
        wipUnits: Number(r.wip_units ?? 0),
        released: Number(r.released),
        releasedLate: Number(r.released_late),
      },
    ]),
  );
}

/** Operating measures of every work area, from the read model. */
export async function measureOperations(em: EntityManager, now: Date): Promise<OperatingMeasures> {
  const areas = (await em.findAll(WorkAreaRecord, { orderBy: { id: 'asc' } })).map(toWorkArea);
  const [counts, normed] = await Promise.all([countOrders(em, now), readNormedAreas(em, areas.map((a) => a.id))]);
  const measured = areas.map((area) => measureArea(area, counts.get(area.id) ?? NO_ORDERS, now, normed.get(area.id)));
  return {
    at: now.toISOString(),
    areas: measured,
    queueBalance: { pool: spreadOf(measured.map((m) => m.poolLength)), wip: spreadOf(measured.map((m) => m.wip)), utilization: spreadOf(measured.flatMap((m) => (m.utilization === null ? [] : [m.utilization]))) },
  };
}
