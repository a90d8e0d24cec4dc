import type { EntityManager } from '@mikro-orm/sql';
import type { AreaMeasures, OperatingMeasures, Spread } from '../domain/operating-measures.ts';
import { isInShift } from '../domain/shift-calendar.ts';
import type { WorkArea } from '../domain/work-area.ts';
import { OrderRecord } from './order.entity.ts';
import { readNormedAreas } from './release-pool-reads.ts';
import { toWorkArea, WorkAreaRecord } from './work-area.entity.ts';


type MeasuredOrder = Pick<OrderRecord, 'inPool' | 'holdsSlot' | 'releaseCycleId' | 'units' | 'dueAt' | 'queuedAt' | 'releasedAt'>;

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function measureArea(area: WorkArea, orders: readonly MeasuredOrder[], now: Date, workloadHours = 0): AreaMeasures {
  // Counted as the release cycle counts them: a slot is taken by work holding one, and by a release on its way.
  const pool = orders.filter((o) => o.inPool && !o.releaseCycleId);
  const inProcess = orders.filter((o) => o.holdsSlot || (o.inPool && o.releaseCycleId));
  const load = area.capacity.unit === 'units' ? inProcess.reduce((sum, o) => sum + o.units, 0) : inProcess.length;
  const released = orders.filter((o) => o.releasedAt);
  const late = released.filter((o) => o.releasedAt!.getTime() > o.dueAt.getTime() - area.plannedLeadTimeHours * 3_600_000);
  const oldestQueued = Math.min(...pool.map((o) => (o.queuedAt ?? now).getTime()));
  return {
    workAreaId: area.id,
    status: area.status,
    inShift: isInShift(area.shiftCalendar, area.timeZone, now),
    poolLength: pool.length,
    wip: inProcess.length,
    load,
    limit: area.capacity.wipLimit,
    unit: area.capacity.unit,
    utilization: round(load / area.capacity.wipLimit),
    workload: area.capacity.workloadNormHours === null ? null : { hours: round(workloadHours), normHours: area.capacity.workloadNormHours },
    oldestWaitMinutes: pool.length > 0 ? Math.round((now.getTime() - oldestQueued) / 60_000) : null,
    released: released.length,
    releasedLate: late.length,
    onTimeReleasePercent: released.length > 0 ? round((100 * (released.length - late.length)) / released.length, 1) : null,
  };
}

export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) return { min: 0, max: 0, mean: 0, spread: 0, coefficientOfVariation: null };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { min, max, mean: round(mean), spread: round(max - min), coefficientOfVariation: mean > 0 ? round(sd / mean) : null };
}

/** Operating measures of every work area, from the read model. */
export async function measureOperations(em: EntityManager, now: Date): Promise<OperatingMeasures> {
  const areas = (await em.findAll(WorkAreaRecord, { orderBy: { id: 'asc' } })).map(toWorkArea);
  const orders = await em.find(
    OrderRecord,
    { workAreaId: { $in: areas.map((a) => a.id) } },
    { fields: ['workAreaId', 'inPool', 'holdsSlot', 'releaseCycleId', 'units', 'dueAt', 'queuedAt', 'releasedAt'] },
  );
  const byArea = new Map<string, MeasuredOrder[]>();
  for (const o of orders) {
    const list = byArea.get(o.workAreaId);
    if (list) list.push(o);
    else byArea.set(o.workAreaId, [o]);
  }
  const normed = await readNormedAreas(em, areas.map((a) => a.id));
  const measured = areas.map((area) => measureArea(area, byArea.get(area.id) ?? [], now, normed.get(area.id)?.loadHours));
  return {
    at: now.toISOString(),
    areas: measured,
    queueBalance: { pool: spreadOf(measured.map((m) => m.poolLength)), wip: spreadOf(measured.map((m) => m.wip)), utilization: spreadOf(measured.map((m) => m.utilization)) },
  };
}
