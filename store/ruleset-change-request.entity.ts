import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { RulesetDefinition } from '../domain/ruleset.ts';

/**
 * A publish waiting for a second ops manager (four-eyes approval, set per decision point on its ruleset):
 * the rules and every choice of the publish, as asked, until someone other than the author approves or rejects it.
 */
export const RulesetChangeRequestRecord = defineEntity({
  name: 'RulesetChangeRequestRecord',
  tableName: 'ruleset_change_requests',
  properties: {
    id: p.string().primary(),
    decisionPoint: p.string().index(),
    definition: p.json<RulesetDefinition>(),
    note: p.string(),
    effectiveFrom: p.datetime().nullable(),
    inFlight: p.string().nullable(),
    overrideReason: p.string().nullable(),
    requestedBy: p.string(),
    requestedAt: p.datetime(),
    /** pending, approved or rejected. */
    status: p.string(),
    decidedBy: p.string().nullable(),
    decidedAt: p.datetime().nullable(),
    /** Why it was rejected. */
    rejection: p.string().nullable(),
    /** The version an approval published. */
    version: p.integer().nullable(),
  },
});
export type RulesetChangeRequestRecord = InferEntity<typeof RulesetChangeRequestRecord>;
