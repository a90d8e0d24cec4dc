import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { ReleasePeriod } from '../domain/work-area.ts';

/** A release group; its gateways are the work areas whose `releaseGroupId` names it. */
export const ReleaseGroupRecord = defineEntity({
  name: 'ReleaseGroupRecord',
  tableName: 'release_groups',
  properties: {
    id: p.string().primary(),
    name: p.string(),
    timeZone: p.string().default('UTC'),
    /** Null: continuous release. */
    releasePeriod: p.json<ReleasePeriod>().nullable(),
    /** The group's cycles so far: they are numbered by it, as an area's are. */
    cycles: p.integer().default(0),
  },
});
export type ReleaseGroupRecord = InferEntity<typeof ReleaseGroupRecord>;
