import type { EntityManager } from '@mikro-orm/sql';
import type { Route, RouteInput } from '../../domain/routes/route.ts';
import { insertAudit } from '../audit-log.ts';
import { inTransaction } from '../in-transaction.ts';
import { ResourceRecord } from '../resource.entity.ts';
import { HubRouteRecord } from './route.entity.ts';
import { RouteRefusal } from './route-refusal.ts';

interface ByWhom {
  by: string;
  now: Date;
}

/** A page of routes is what a dispatcher's list shows; a depot has a few dozen runs. */
export const ROUTE_PAGE = 200;

export const routeOf = (r: HubRouteRecord): Route => ({
  id: r.id,
  name: r.name,
  warehouse: r.warehouse ?? null,
  zone: r.zone ?? null,
  stops: r.stops,
  driverIds: r.driverIds,
  active: r.active,
  version: r.version,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** Refuses a route whose drivers are not all driver resources, or whose stops share a name (a stop is named in offers). */
async function checkRoute(tx: EntityManager, input: RouteInput): Promise<void> {
  const names = input.stops.map((s) => s.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new RouteRefusal(`Two stops are named ${twice}: give each stop its own name, so an offer says which one serves the order.`);
  const ids = [...new Set(input.driverIds)];
  const found = new Map((await tx.find(ResourceRecord, { id: { $in: ids } }, { fields: ['id', 'kind', 'name'] })).map((r) => [r.id, r]));
  for (const id of ids) {
    const driver = found.get(id);
    if (!driver) throw new RouteRefusal(`No driver ${id}: add them as a resource of a driver pool first.`);
    if (driver.kind !== 'driver') throw new RouteRefusal(`${driver.name} (${id}) is a ${driver.kind}, not a driver: routes are run by drivers.`);
  }
}

const fields = (input: RouteInput) => ({ name: input.name, warehouse: input.warehouse, zone: input.zone, stops: input.stops, driverIds: [...new Set(input.driverIds)] });

export async function createRoute(em: EntityManager, id: string, input: RouteInput, who: ByWhom): Promise<void> {
  await inTransaction(em, async (tx) => {
    await checkRoute(tx, input);
    tx.create(HubRouteRecord, { id, ...fields(input), active: true, version: 0, createdBy: who.by, createdAt: who.now, updatedAt: who.now });
    await tx.flush();
    await insertAudit(tx, { dedupeKey: `route:${id}:create`, subjectType: 'route', subjectId: id, action: 'create', actor: who.by, reason: input.note || null, at: who.now, data: { name: input.name, stops: input.stops.map((s) => s.name) } });
  });
}

/** Changes a route made from `version`: refused when someone changed it since, or when it is retired. */
export async function updateRoute(em: EntityManager, id: string, input: RouteInput & { version: number }, who: ByWhom): Promise<void> {
  await inTransaction(em, async (tx) => {
    await checkRoute(tx, input);
    const changed = await tx.nativeUpdate(HubRouteRecord, { id, version: input.version, active: true }, { ...fields(input), version: input.version + 1, updatedAt: who.now });
    if (changed === 0) throw await staleRefusal(tx, id);
    await insertAudit(tx, { dedupeKey: `route:${id}:update:${input.version}`, subjectType: 'route', subjectId: id, action: 'update', actor: who.by, reason: input.note || null, at: who.now, data: { name: input.name, stops: input.stops.map((s) => s.name), driverIds: input.driverIds } });
  });
}

/** Retires a route: it opens no more sessions; its past and running sessions stay as they are. */
export async function retireRoute(em: EntityManager, id: string, reason: string, who: ByWhom): Promise<void> {
  await inTransaction(em, async (tx) => {
    const changed = await tx.nativeUpdate(HubRouteRecord, { id, active: true }, { active: false, updatedAt: who.now });
    if (changed === 0) throw await staleRefusal(tx, id);
    await insertAudit(tx, { dedupeKey: `route:${id}:retire`, subjectType: 'route', subjectId: id, action: 'retire', actor: who.by, reason, at: who.now });
  });
}

async function staleRefusal(tx: EntityManager, id: string): Promise<RouteRefusal> {
  const now = await tx.findOne(HubRouteRecord, { id }, { refresh: true });
  if (!now) return new RouteRefusal(`No route ${id}.`);
  if (!now.active) return new RouteRefusal(`Route ${now.name} is retired: it changes no more. Create a new route instead.`);
  return new RouteRefusal(`Someone else changed route ${now.name} since you read it (now version ${now.version}). Nothing was changed; look at it again.`);
}

export async function listRoutes(em: EntityManager, filter: { active?: boolean | undefined }): Promise<Route[]> {
  const rows = await em.find(HubRouteRecord, filter.active === undefined ? {} : { active: filter.active }, { orderBy: { name: 'asc', id: 'asc' }, limit: ROUTE_PAGE });
  return rows.map(routeOf);
}

export async function readRoute(em: EntityManager, id: string): Promise<Route | null> {
  const row = await em.findOne(HubRouteRecord, { id }, { refresh: true });
  return row ? routeOf(row) : null;
}
