import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { OrderKind, RoutingStep, StatedPriority } from '../domain/order.ts';
import type { WorkArea } from '../domain/work-area.ts';
import type { RecordedArea, RecordedDay, RecordedOrder } from '../sim/scenarios/recorded-day/recorded-day.ts';
import { withArrayRows } from './array-rows.ts';
import { dialectSql } from './dialect.ts';
import { totalsOf } from './priority-row.ts';
import { findPublishedRuleset } from './rulesets.ts';
import { jsonOf, sqlOn, type JsonColumn } from './sql.ts';
import { toWorkArea, WorkAreaRecord } from './work-area.entity.ts';

/*
 * A recorded day, read a page of orders at a time (keyset on the (created_at, id) index), each page's audit
 * entries in one statement through the (subject_type, subject_id) index, folded into the order's few times
 * at once: neither the orders nor the audit log of the day is ever held whole as rows or entities, only the
 * plain RecordedOrder each comes to.
 */

const ORDERS_A_PAGE = 500;

type OrderRow = [
  id: string,
  account: string,
  accountTier: string | null,
  kind: OrderKind,
  statedPriority: StatedPriority,
  dueAt: number,
  createdAt: number,
  workAreaId: string,
  candidateAreas: JsonColumn<string[]> | null,
  zone: string | null,
  units: number,
  orderValue: number | null,
  lineCount: number | null,
  lines: JsonColumn<{ qty: number; price: number }[]> | null,
  routing: JsonColumn<RoutingStep[]> | null,
  reference: string | null,
];
type AuditRow = [orderId: string, at: number, toState: string | null];

/** States whose entry ends the work a release began: the slot is given back. */
const WORK_ENDS = new Set(['completed', 'delivered', 'returned', 'cancelled', 'closed']);

const dayBounds = (date: string) => {
  const start = Date.parse(`${date}T00:00:00.000Z`);
  // Date.parse rolls 30 February over into March: a date must read back as itself.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== date) throw new RangeError(`${date} is not a date as YYYY-MM-DD`);
  return { start, end: start + 86_400_000 };
};

/**
 * The work areas as they were when the day began: an area changed since has its settings from before the
 * first change after that moment (each change is audited with the settings before and after it).
 */
async function areasAtStart(em: EntityManager, start: Date): Promise<RecordedArea[]> {
  const current = (await em.find(WorkAreaRecord, {}, { orderBy: { id: 'asc' } })).map(toWorkArea);
  const { rows } = await sql<{ subject_id: string; data: JsonColumn<{ before?: WorkArea }> | null }>`select subject_id, data from audit_log
    where subject_type = ${'work_area'} and at >= ${start} and (action = ${'changed'} or action like ${'status:%'})
    order by seq`.execute(sqlOn(em));
  const before = new Map<string, WorkArea>();
  for (const row of rows) {
    const settings = row.data === null ? undefined : jsonOf(row.data).before;
    if (settings && !before.has(row.subject_id)) before.set(row.subject_id, settings);
  }
  return current.map((now) => {
    const a = before.get(now.id) ?? now;
    return {
      id: now.id,
      kind: a.kind,
      zone: a.zone,
      status: a.status,
      timeZone: a.timeZone,
      unit: a.capacity.unit,
      wipLimit: a.capacity.wipLimit,
      workloadNormHours: a.capacity.workloadNormHours,
      loadCorrection: a.capacity.loadCorrection,
      starvationRelease: a.capacity.starvationRelease,
      plannedLeadTimeHours: a.plannedLeadTimeHours,
      shiftCalendar: a.shiftCalendar,
    };
  });
}

async function ordersPage(em: EntityManager, start: Date, end: Date, after: { at: number; id: string } | null): Promise<OrderRow[]> {
  const { epochMs } = dialectSql(em);
  const afterKey = after === null ? sql`1 = 1` : sql`(created_at > ${new Date(after.at)} or (created_at = ${new Date(after.at)} and id > ${after.id}))`;
  const { rows } = await withArrayRows<OrderRow>(sql`select id, account, account_tier, kind, stated_priority, ${epochMs(sql`due_at`)}, ${epochMs(sql`created_at`)},
      work_area_id, candidate_areas, zone, units, order_value, line_count,
      case when order_value is null or line_count is null then lines end, routing, reference
    from orders where created_at >= ${start} and created_at < ${end} and ${afterKey}
    order by created_at, id limit ${ORDERS_A_PAGE}`).execute(sqlOn(em));
  return rows;
}

async function auditOf(em: EntityManager, ids: readonly string[]): Promise<AuditRow[]> {
  const { epochMs } = dialectSql(em);
  const { rows } = await withArrayRows<AuditRow>(sql`select subject_id, ${epochMs(sql`at`)}, to_state from audit_log
    where subject_type = ${'order'} and subject_id in (${sql.join(ids)}) order by subject_id, seq`).execute(sqlOn(em));
  return rows;
}

/** The times one order's audit entries give: its first entry into a pool, its release, and the end of the work that release began. */
function timesOf(entries: readonly AuditRow[]): Pick<RecordedOrder, 'releasedAt' | 'doneAt'> & { queuedAt: number | null } {
  let queuedAt: number | null = null;
  let releasedAt: number | null = null;
  let doneAt: number | null = null;
  for (const [, at, to] of entries) {
    if (to === 'queued' && queuedAt === null) queuedAt = Number(at);
    else if (to === 'released' && releasedAt === null) releasedAt = Number(at);
    else if (releasedAt !== null && doneAt === null && to !== null && WORK_ENDS.has(to)) doneAt = Number(at);
  }
  return { queuedAt, releasedAt, doneAt };
}

/** The orders captured on `date` (UTC) that entered a pool, with their recorded times, and the work areas as the day began. */
export async function readRecordedDay(em: EntityManager, date: string): Promise<RecordedDay> {
  const { start, end } = dayBounds(date);
  const areas = await areasAtStart(em, new Date(start));
  // In force when the day began, or, for a store installed during the day, at its end.
  const inForce = async (point: 'priority' | 'release') => (await findPublishedRuleset(em, point, new Date(start))) ?? (await findPublishedRuleset(em, point, new Date(Math.min(end, Date.now()))));
  const [priority, release] = await Promise.all([inForce('priority'), inForce('release')]);
  const rulesets = { ...(priority ? { priority: priority.definition } : {}), ...(release ? { release: release.definition } : {}) };
  const orders: RecordedOrder[] = [];
  let neverQueued = 0;
  let auditRows = 0;
  for (let after: { at: number; id: string } | null = null; ; ) {
    const page = await ordersPage(em, new Date(start), new Date(end), after);
    if (page.length === 0) break;
    const last = page[page.length - 1]!;
    after = { at: Number(last[6]), id: last[0] };
    const audit = await auditOf(
      em,
      page.map((row) => row[0]),
    );
    auditRows += audit.length;
    const entriesOf = new Map<string, AuditRow[]>();
    for (const row of audit) {
      const list = entriesOf.get(row[0]);
      if (list) list.push(row);
      else entriesOf.set(row[0], [row]);
    }
    for (const [id, account, accountTier, kind, statedPriority, dueAt, createdAt, workAreaId, candidates, zone, units, orderValue, lineCount, lines, routing, reference] of page) {
      const { queuedAt, releasedAt, doneAt } = timesOf(entriesOf.get(id) ?? []);
      if (queuedAt === null) {
        neverQueued++;
        continue;
      }
      const totals = totalsOf(orderValue, lineCount, lines);
      const steps = routing === null ? null : jsonOf(routing);
      orders.push({
        id,
        reference,
        account,
        accountTier,
        kind,
        statedPriority,
        dueAt: Number(dueAt),
        createdAt: Number(createdAt),
        queuedAt,
        candidateAreas: candidates === null ? [workAreaId] : jsonOf(candidates),
        zone,
        units,
        orderValue: totals.orderValue,
        lineCount: totals.lineCount,
        ...(steps ? { operations: steps.map((s, i) => ({ workAreaId: s.workAreaId, hours: s.hours, position: i + 1 })) } : {}),
        releasedAt,
        releasedInto: releasedAt === null ? null : workAreaId,
        doneAt,
      });
    }
  }
  orders.sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { date, start, end, areas, rulesets, orders, neverQueued, auditRows };
}
