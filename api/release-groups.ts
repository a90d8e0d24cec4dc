import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import type { ReleaseGroup, ReleaseGroupSettings } from '../domain/release-group.ts';
import { CONTINUOUS } from '../domain/work-area.ts';
import { appendAudit } from '../store/audit-log.ts';
import { inTransaction } from '../store/in-transaction.ts';
import { ReleaseGroupRecord } from '../store/release-group.entity.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import type { ApiDeps } from './api-deps.ts';
import { notFound, UserError } from './errors.ts';
import { tellController } from './work-areas.ts';

async function groupOf(em: EntityManager, record: ReleaseGroupRecord): Promise<ReleaseGroup> {
  const gateways = await em.find(WorkAreaRecord, { releaseGroupId: record.id }, { fields: ['id'], orderBy: { id: 'asc' } });
  return { id: record.id, name: record.name, gatewayIds: gateways.map((g) => g.id), timeZone: record.timeZone, releasePeriod: record.releasePeriod ?? CONTINUOUS };
}

export async function listReleaseGroups(deps: ApiDeps): Promise<ReleaseGroup[]> {
  const em = deps.store.em.fork();
  return Promise.all((await em.findAll(ReleaseGroupRecord, { orderBy: { id: 'asc' } })).map((r) => groupOf(em, r)));
}

export async function findReleaseGroup(deps: ApiDeps, id: string): Promise<ReleaseGroup> {
  const em = deps.store.em.fork();
  const found = await em.findOne(ReleaseGroupRecord, { id });
  if (!found) throw notFound(`Release group ${id}`);
  return groupOf(em, found);
}

/**
 * Makes the listed areas the group's gateways and the others its gateways no more. An area keeps its pool
 * either way (a group's pool is its gateways' pools read together), so no order is lost or read twice.
 */
async function setGateways(tx: EntityManager, id: string, gatewayIds: readonly string[]): Promise<string[]> {
  const areas = await tx.find(WorkAreaRecord, { id: { $in: [...gatewayIds] } }, { fields: ['id', 'releaseGroupId'] });
  const unknown = gatewayIds.filter((g) => !areas.some((a) => a.id === g));
  if (unknown.length > 0) throw new UserError(422, 'unknown_work_area', `No work area ${unknown.join(', ')}: create it first, or leave it out of the group.`);
  const taken = areas.filter((a) => a.releaseGroupId && a.releaseGroupId !== id);
  if (taken.length > 0) {
    throw new UserError(409, 'conflict', `${taken.map((a) => `${a.id} is a gateway of ${a.releaseGroupId!}`).join('; ')}: an area is a gateway of one group at most; take it out of that group first.`);
  }
  const before = (await tx.find(WorkAreaRecord, { releaseGroupId: id }, { fields: ['id'] })).map((a) => a.id);
  await tx.nativeUpdate(WorkAreaRecord, { releaseGroupId: id, id: { $nin: [...gatewayIds] } }, { releaseGroupId: null });
  await tx.nativeUpdate(WorkAreaRecord, { id: { $in: [...gatewayIds] } }, { releaseGroupId: id });
  return [...new Set([...before, ...gatewayIds])];
}

/** Creates, or with `replace` changes, a group (audited); every area that joined or left hears of it. */
export async function saveReleaseGroup(deps: ApiDeps, group: ReleaseGroupSettings & { id: string }, actor: string, mode: 'create' | 'replace'): Promise<ReleaseGroup> {
  const touched = await inTransaction(deps.store.em, async (tx) => {
    const existing = await tx.findOne(ReleaseGroupRecord, { id: group.id });
    if (mode === 'create' && existing) throw new UserError(409, 'conflict', `A release group "${group.id}" exists already; change it with PUT /release-groups/${group.id}.`);
    if (mode === 'replace' && !existing) throw notFound(`Release group ${group.id}`);
    const columns = { name: group.name, timeZone: group.timeZone, releasePeriod: group.releasePeriod.mode === 'continuous' ? null : group.releasePeriod };
    if (existing) tx.assign(existing, columns);
    else tx.create(ReleaseGroupRecord, { id: group.id, ...columns });
    await tx.flush();
    const areas = await setGateways(tx, group.id, group.gatewayIds);
    appendAudit(tx, { dedupeKey: `release-group:${group.id}:${randomUUID()}`, subjectType: 'release_group', subjectId: group.id, action: existing ? 'changed' : 'created', actor, data: { settings: group } });
    return areas;
  });
  for (const area of touched) await tellController(deps, area);
  return findReleaseGroup(deps, group.id);
}

/** Dissolves a group: its gateways release on their own again, each from its own pool. */
export async function deleteReleaseGroup(deps: ApiDeps, id: string, actor: string): Promise<void> {
  const touched = await inTransaction(deps.store.em, async (tx) => {
    const existing = await tx.findOne(ReleaseGroupRecord, { id });
    if (!existing) throw notFound(`Release group ${id}`);
    const areas = await setGateways(tx, id, []);
    tx.remove(existing);
    appendAudit(tx, { dedupeKey: `release-group:${id}:${randomUUID()}`, subjectType: 'release_group', subjectId: id, action: 'deleted', actor });
    return areas;
  });
  for (const area of touched) await tellController(deps, area);
}
