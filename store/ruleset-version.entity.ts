import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { RulesetDefinition } from '../domain/ruleset.ts';

export const RulesetVersionRecord = defineEntity({
  name: 'RulesetVersionRecord',
  tableName: 'ruleset_versions',
  uniques: [{ properties: ['rulesetId', 'version'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    rulesetId: p.string().index(),
    version: p.integer(),
    /** Stored as draft or published; scheduled, in force and retired follow from the times (see rulesets.ts). */
    status: p.string().$type<'draft' | 'published'>(),
    definition: p.json<RulesetDefinition>(),
    author: p.string(),
    note: p.string().nullable(),
    publishedAt: p.datetime().nullable(),
    effectiveFrom: p.datetime().nullable(),
    basedOn: p.integer().nullable(),
  },
});
export type RulesetVersionRecord = InferEntity<typeof RulesetVersionRecord>;
