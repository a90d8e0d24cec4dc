import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { CapacityModel } from '../domain/work-area.ts';
import { dialectSql } from './dialect.ts';
import { countOrders } from './operating-measures.ts';
import { readNormedAreas } from './release-pool-reads.ts';
import { sqlOn } from './sql.ts';
import { WorkAreaRecord } from './work-area.entity.ts';

/*
 * The figures /metrics reports about the business, each read with one aggregate query at scrape time (a
 * pool may hold a hundred thousand orders, so none is read row by row). Labels come from bounded sets
 * only: work areas, hold types, roles, decision points and their outcomes; never an order.
 */

// Counts come back as numbers from SQLite and as bigint text from PostgreSQL.
type Count = number | string;

export interface AreaFigures {
  workAreaId: string;
  poolOrders: number;
  wipOrders: number;
  wipUnits: number;
  /** Null: the area has no WIP limit. */
  wipLimit: number | null;
  unit: CapacityModel['unit'];
  /** Released load in hours against the workload norm; both null when the area has no norm. */
  workloadHours: number | null;
  /** Hours of operations arrived at the area and not done; null when the area has no norm. */
  directHours: number | null;
  normHours: number | null;
}

/** Pool, work in process and load of every work area, as the release cycle counts them. */
export async function readAreaFigures(em: EntityManager, now: Date): Promise<AreaFigures[]> {
  const areas = await em.findAll(WorkAreaRecord, { orderBy: { id: 'asc' } });
  const [counts, normed] = await Promise.all([countOrders(em, now), readNormedAreas(em, areas.map((a) => a.id))]);
  return areas.map((a) => {
    const c = counts.get(a.id);
    const norm = normed.get(a.id);
    return {
      workAreaId: a.id,
      poolOrders: c?.poolLength ?? 0,
      wipOrders: c?.wip ?? 0,
      wipUnits: c?.wipUnits ?? 0,
      wipLimit: a.wipLimit ?? null,
      unit: a.capacityUnit,
      workloadHours: norm ? norm.loadHours : null,
      directHours: norm ? norm.directHours : null,
      normHours: norm ? norm.normHours : null,
    };
  });
}

// An order that ended keeps the holds it had; they block nothing any more.
const ENDED_STATES = ['rejected', 'cancelled', 'split', 'closed'];

/** Holds on orders that have not ended, by hold type. */
export async function readOpenHolds(em: EntityManager): Promise<{ type: string; count: number }[]> {
  const ended = sql.join(ENDED_STATES.map((s) => sql`${s}`));
  const { rows } = await sql<{ type: string; n: Count }>`select e.value ->> 'type' as type, count(*) as n
    from orders o cross join ${dialectSql(em).jsonArrayElements(sql`o.holds`)}
    where o.holds is not null and o.state not in (${ended})
    group by e.value ->> 'type'`.execute(sqlOn(em));
  return rows.map((r) => ({ type: r.type, count: Number(r.n) }));
}

/** Escalated orders by the role whose queue holds them. */
export async function readOpenEscalations(em: EntityManager): Promise<{ role: string; count: number }[]> {
  const { rows } = await sql<{ role: string; n: Count }>`select o.escalation ->> 'role' as role, count(*) as n
    from orders o where o.state = ${'escalated'}
    group by o.escalation ->> 'role'`.execute(sqlOn(em));
  return rows.map((r) => ({ role: r.role, count: Number(r.n) }));
}

export interface CycleDurations {
  workAreaId: string;
  count: number;
  sumMs: number;
  /** Cycles that took at most each bound of `boundsMs`, in its order: a Prometheus histogram's cumulative buckets. */
  atMost: number[];
}

/** Every recorded release cycle's duration per area, counted into the buckets `boundsMs`. */
export async function readCycleDurations(em: EntityManager, boundsMs: readonly number[]): Promise<CycleDurations[]> {
  const buckets = sql.join(boundsMs.map((ms, i) => sql`sum(case when c.duration_ms <= ${ms} then 1 else 0 end) as ${sql.ref(`b${i}`)}`));
  const { rows } = await sql<Record<string, Count>>`select c.work_area_id, count(*) as n, sum(c.duration_ms) as total_ms, ${buckets}
    from release_cycles c group by c.work_area_id order by c.work_area_id`.execute(sqlOn(em));
  return rows.map((r) => ({
    workAreaId: String(r.work_area_id),
    count: Number(r.n),
    sumMs: Number(r.total_ms),
    atMost: boundsMs.map((_, i) => Number(r[`b${i}`])),
  }));
}

/** Decisions recorded so far by decision point and outcome (the event type chosen; `none` when the rules chose none, as a priority score does). */
export async function readDecisionTotals(em: EntityManager): Promise<{ decisionPoint: string; outcome: string; count: number }[]> {
  const { rows } = await sql<{ decision_point: string; outcome: string; n: Count }>`select d.decision_point, coalesce(d.outcome -> 'chosen' ->> 'type', ${'none'}) as outcome, count(*) as n
    from decisions d group by 1, 2`.execute(sqlOn(em));
  return rows.map((r) => ({ decisionPoint: r.decision_point, outcome: r.outcome, count: Number(r.n) }));
}
