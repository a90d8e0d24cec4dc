import type { EntityManager } from '@mikro-orm/sql';
import { isInShift, localTime } from '../domain/shift-calendar.ts';
import type { CycleArea } from '../rules/release-cycle.ts';
import { readNormedAreas, readPool, readTakenCapacity } from './release-pool-reads.ts';
import type { publishedRulesets } from './rulesets.ts';
import { WorkAreaRecord } from './work-area.entity.ts';

/** Everything a release cycle of one area plans on, as the store holds it at `now`. Null for an unknown area. */
export async function readCycleInput(em: EntityManager, workAreaId: string, now: Date, inForce: ReturnType<typeof publishedRulesets>) {
  const area = await em.findOne(WorkAreaRecord, { id: workAreaId });
  if (!area) return null;
  const [pool, taken, priority, release] = await Promise.all([
    readPool(em, workAreaId),
    readTakenCapacity(em, workAreaId, area.capacityUnit),
    inForce(em, 'priority', now),
    inForce(em, 'release', now),
  ]);
  const routedTo = new Set([workAreaId]);
  for (const order of pool) if (order.operations) for (const op of order.operations) routedTo.add(op.workAreaId);
  const norms = await readNormedAreas(em, [...routedTo]);
  const inShift = isInShift(area.shiftCalendar ?? null, area.timeZone, now);
  const hourOfDay = Number(localTime(now, area.timeZone).time.slice(0, 2));
  const cycleArea: CycleArea = { id: workAreaId, zone: area.zone ?? null, status: area.status, inShift, hourOfDay, unit: area.capacityUnit, wipLimit: area.wipLimit ?? null, used: taken.used, norms, starvationRelease: area.starvationRelease };
  return { area, pool, taken, priority, release, norms, cycleArea };
}
