import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Resource, ResourceSettings } from '../domain/resource.ts';

export const ResourceRecord = defineEntity({
  name: 'ResourceRecord',
  tableName: 'resources',
  properties: {
    id: p.string().primary(),
    workAreaId: p.string().index(),
    name: p.string(),
    kind: p.string().$type<Resource['kind']>(),
    zone: p.string().nullable(),
    skills: p.json<string[]>(),
    capacity: p.integer(),
    available: p.boolean(),
    carrierType: p.string().$type<Resource['carrierType']>(),
    /** Moves on every automatic assignment: a compare-and-set on it keeps two from both taking the last slot. */
    loadVersion: p.integer().default(0),
  },
});
export type ResourceRecord = InferEntity<typeof ResourceRecord>;

export const toResource = (r: ResourceRecord): Resource => ({
  id: r.id,
  workAreaId: r.workAreaId,
  name: r.name,
  kind: r.kind,
  zone: r.zone ?? null,
  skills: r.skills,
  capacity: r.capacity,
  available: r.available,
  carrierType: r.carrierType,
});

export const resourceColumns = (s: ResourceSettings) => ({ name: s.name, kind: s.kind, zone: s.zone, skills: s.skills, capacity: s.capacity, available: s.available, carrierType: s.carrierType });
