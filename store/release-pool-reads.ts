import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { LoadCorrection } from '../domain/work-area.ts';
import type { NormedArea, Operation, PoolOrder } from '../rules/release-cycle.ts';
import { OrderRecord } from './order.entity.ts';
import { dialectSql } from './dialect.ts';
import { withArrayRows } from './array-rows.ts';
import { priorityColumns, totalsOf, type PriorityCells } from './priority-row.ts';
import { readPlannedLeadTimes } from './planned-lead-times.ts';
import { dateOf, sqlOn, type DateColumn } from './sql.ts';
import { WorkAreaRecord } from './work-area.entity.ts';

/**
 * A pool row: the order's id, its priority columns (priority-row.ts, in their order), what the cycle ranks
 * and judges it by, then one operation of its routing (null for an order without one).
 */
type PoolRow = [
  id: string,
  ...PriorityCells,
  queuedAt: number,
  units: number,
  zone: string | null,
  /** 1 or true when the order was escalated while it waited. */
  escalated: number | boolean,
  priorityScore: number | null,
  verdictKey: string | null,
  opArea: string | null,
  opPosition: number | null,
  opHours: number | null,
];

/**
 * An area's pool as a release cycle ranks it: every queued order no cycle has released yet that the area
 * may release (its own, and those it is a candidate area for). Read as plain array rows, not entities nor
 * row objects, and with the lines' stored totals rather than the lines: a pool may hold a hundred thousand
 * orders and the cycle only reads them; each order is built in one go, all of one shape. Routed orders
 * come with the operations of their routing, joined in, so the orders are scanned once, each with its
 * area's planned lead time (the sequencing facts need it), from one read of the few areas.
 */
export async function readPool(em: EntityManager, workAreaId: string): Promise<PoolOrder[]> {
  const { epochMs } = dialectSql(em);
  const columns = sql`o.id, ${priorityColumns(em, 'o')}, ${epochMs(sql`coalesce(o.queued_at, o.created_at)`)}, o.units, o.zone,
    o.state = ${'escalated'}, o.priority_score, o.release_verdict_key`;
  // Orders only this area may release (each with its routing, a row per operation), and orders it is one of several candidates for.
  const [{ rows }, leadTimes] = await Promise.all([withArrayRows<PoolRow>(sql`select ${columns}, op.work_area_id, op.position, op.hours
     from orders o left join order_operations op on op.order_id = o.id
     where o.work_area_id = ${workAreaId} and o.in_pool = ${true} and o.release_cycle_id is null and o.candidate_areas is null
     union all
     select ${columns}, null, null, null from orders o join order_candidate_areas c on c.order_id = o.id
     where c.work_area_id = ${workAreaId} and o.in_pool = ${true} and o.release_cycle_id is null`).execute(sqlOn(em)), readPlannedLeadTimes(em)]);
  const pool: PoolOrder[] = [];
  const routed = new Map<string, { order: PoolOrder; operations: Operation[] }>();
  for (const row of rows) {
    const [id, kind, statedPriority, dueAt, createdAt, accountTier, orderValue, lineCount, lines, queuedAt, units, zone, escalated, storedScore, verdictKey, opArea] = row;
    const seen = opArea === null ? undefined : routed.get(id);
    if (seen) {
      seen.operations.push({ workAreaId: opArea!, position: row[16]!, hours: row[17]!, plannedLeadTimeHours: leadTimes.get(opArea!) ?? 0 });
      continue;
    }
    const totals = orderValue === null || lineCount === null ? totalsOf(orderValue, lineCount, lines) : null;
    const order: PoolOrder = {
      id,
      kind,
      statedPriority,
      dueAt: new Date(dueAt),
      createdAt: new Date(createdAt),
      accountTier,
      orderValue: totals ? totals.orderValue : orderValue!,
      lineCount: totals ? totals.lineCount : lineCount!,
      queuedAt: new Date(queuedAt),
      units,
      zone,
      escalated: Boolean(escalated),
      storedScore,
      verdictKey,
    };
    pool.push(order);
    if (opArea !== null) routed.set(id, { order, operations: [{ workAreaId: opArea, position: row[16]!, hours: row[17]!, plannedLeadTimeHours: leadTimes.get(opArea) ?? 0 }] });
  }
  for (const { order, operations } of routed.values()) order.operations = operations.sort((a, b) => a.position - b.position);
  return pool;
}

/** Whether any order waits in the area's pool for a cycle to release it (its own, or as one of its candidate areas). */
export async function poolWaits(em: EntityManager, workAreaId: string): Promise<boolean> {
  const { rows } = await sql`select 1 from orders where work_area_id = ${workAreaId} and in_pool = ${true} and release_cycle_id is null
    union all
    select 1 from order_candidate_areas c join orders o on o.id = c.order_id where c.work_area_id = ${workAreaId} and o.in_pool = ${true} and o.release_cycle_id is null
    limit 1`.execute(sqlOn(em));
  return rows.length > 0;
}

/**
 * The capacity taken in an area: orders holding a slot, and orders a cycle released whose workflows have
 * not taken the release yet (their ids and when they were granted, so a cycle can signal them again after a crash).
 */
export async function readTakenCapacity(em: EntityManager, workAreaId: string, unit: 'orders' | 'units') {
  const [holding, { rows: onTheirWay }] = await Promise.all([
    em.find(OrderRecord, { workAreaId, holdsSlot: true }, { fields: ['id', 'units'] }),
    // With the time of the cycle that granted each: a grant is told again only once it is old enough. In
    // arrival order, as the cycle granted them: PostgreSQL, unlike SQLite, keeps no row order of its own.
    sql<{ id: string; units: number; queued_at: DateColumn | null; granted_at: DateColumn | null }>`select o.id, o.units, o.queued_at, c.started_at as granted_at
      from orders o left join release_cycles c on c.id = o.release_cycle_id
      where o.work_area_id = ${workAreaId} and o.in_pool = ${true} and o.release_cycle_id is not null
      order by o.queued_at, o.id`.execute(sqlOn(em)),
  ]);
  const weigh = (orders: { units: number }[]) => orders.reduce((sum, o) => sum + (unit === 'units' ? o.units : 1), 0);
  return {
    used: weigh(holding) + weigh(onTheirWay),
    onTheirWay: onTheirWay.map((o) => ({ orderId: o.id, queuedAt: dateOf(o.queued_at ?? 0).toISOString(), grantedAt: dateOf(o.granted_at ?? 0) })),
  };
}

/**
 * Of `areaIds`, the areas with a workload norm, each with its load version and two loads in hours. The
 * released load, which the cycle checks against the norm: the operations there not yet done of orders
 * holding a slot or granted one (corrected as the area says). The direct load: the operations that have
 * arrived there and are not done (the first arrives with the release, each next one when the one before
 * is done), plain hours, for the screens.
 */
export async function readNormedAreas(em: EntityManager, areaIds: readonly string[]): Promise<Map<string, NormedArea & { loadVersion: number; directHours: number }>> {
  const areas = areaIds.length === 0 ? [] : await em.find(WorkAreaRecord, { id: { $in: [...areaIds] }, workloadNormHours: { $ne: null } });
  if (areas.length === 0) return new Map();
  const loads = await em.execute<{ work_area_id: string; plain: number; corrected: number; direct: number | null }[]>(
    `select op.work_area_id, sum(op.hours) as plain, sum(op.hours / op.position) as corrected,
       sum(case when op.arrived_at is not null and o.holds_slot = ? then op.hours else 0 end) as direct
     from order_operations op join orders o on o.id = op.order_id
     where op.work_area_id in (${areas.map(() => '?').join(', ')}) and op.done_at is null and (o.holds_slot = ? or (o.in_pool = ? and o.release_cycle_id is not null))
     group by op.work_area_id`,
    [true, ...areas.map((a) => a.id), true, true],
  );
  const loadOf = new Map(loads.map((l) => [l.work_area_id, l]));
  return new Map(
    areas.map((a) => {
      const correction: LoadCorrection = a.loadCorrection;
      const load = loadOf.get(a.id);
      const loadHours = load ? (correction === 'position' ? load.corrected : load.plain) : 0;
      return [a.id, { normHours: a.workloadNormHours!, correction, loadHours, loadVersion: a.loadVersion, directHours: Number(load?.direct ?? 0) }];
    }),
  );
}
