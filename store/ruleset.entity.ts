import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A ruleset names the rules of one decision point; its content lives in immutable versions. */
export const RulesetRecord = defineEntity({
  name: 'RulesetRecord',
  tableName: 'rulesets',
  properties: {
    id: p.string().primary(),
    decisionPoint: p.string().index(),
    name: p.string(),
    /** Four-eyes: a publish becomes a change request that another ops manager approves. */
    approvalRequired: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type RulesetRecord = InferEntity<typeof RulesetRecord>;
