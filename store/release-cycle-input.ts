import type { EntityManager } from '@mikro-orm/sql';
import { isInShift, localTime } from '../domain/shift-calendar.ts';
import type { CycleArea, PoolOrder } from '../rules/release-cycle.ts';
import { readNormedAreas, readPool, readTakenCapacity } from './release-pool-reads.ts';
import { ReleaseGroupRecord } from './release-group.entity.ts';
import type { publishedRulesets } from './rulesets.ts';
import { WorkAreaRecord } from './work-area.entity.ts';

/** A gateway as a cycle reads it: its record, the capacity it has taken, and the area the pure cycle plans on. */
export type CycleGatewayInput = { area: WorkAreaRecord; taken: Awaited<ReturnType<typeof readTakenCapacity>>; cycleArea: CycleArea };

async function readGateway(em: EntityManager, area: WorkAreaRecord, now: Date): Promise<CycleGatewayInput> {
  const taken = await readTakenCapacity(em, area.id, area.capacityUnit);
  const inShift = isInShift(area.shiftCalendar ?? null, area.timeZone, now);
  const hourOfDay = Number(localTime(now, area.timeZone).time.slice(0, 2));
  const cycleArea: CycleArea = { id: area.id, zone: area.zone ?? null, status: area.status, inShift, hourOfDay, unit: area.capacityUnit, wipLimit: area.wipLimit ?? null, used: taken.used, starvationRelease: area.starvationRelease };
  return { area, taken, cycleArea };
}

/**
 * Everything a release cycle of one area plans on, as the store holds it at `now`: the area's own, or, for a
 * gateway of a release group, its group's (every gateway, and one pool of all their pools, each order with
 * the gateway it enters by; an order several gateways may release is read once). Null for an unknown area.
 */
export async function readCycleInput(em: EntityManager, workAreaId: string, now: Date, inForce: ReturnType<typeof publishedRulesets>) {
  const area = await em.findOne(WorkAreaRecord, { id: workAreaId });
  if (!area) return null;
  const group = area.releaseGroupId ? await em.findOne(ReleaseGroupRecord, { id: area.releaseGroupId }) : null;
  const areas = group ? await em.find(WorkAreaRecord, { releaseGroupId: group.id }, { orderBy: { id: 'asc' } }) : [area];
  const [pools, gateways, priority, release] = await Promise.all([
    Promise.all(areas.map((a) => readPool(em, a.id))),
    Promise.all(areas.map((a) => readGateway(em, a, now))),
    inForce(em, 'priority', now),
    inForce(em, 'release', now),
  ]);
  let pool: PoolOrder[] = pools[0] ?? [];
  if (group) {
    const seen = new Set<string>();
    pool = [];
    areas.forEach((a, i) => {
      for (const order of pools[i]!) {
        if (seen.has(order.id)) continue;
        seen.add(order.id);
        order.gatewayId = a.id;
        pool.push(order);
      }
    });
  }
  const routedTo = new Set(areas.map((a) => a.id));
  for (const order of pool) if (order.operations) for (const op of order.operations) routedTo.add(op.workAreaId);
  const norms = await readNormedAreas(em, [...routedTo]);
  const own = gateways.find((g) => g.area.id === workAreaId)!;
  own.cycleArea.norms = norms;
  return { area, group, gateways, pool, taken: own.taken, priority, release, norms, cycleArea: own.cycleArea };
}
