import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { DecisionOutcome, RuleExplanation } from '../domain/decision.ts';

/** A decision keeps what the rules saw and why they answered as they did, with the exact ruleset version. */
export const DecisionRecord = defineEntity({
  name: 'DecisionRecord',
  tableName: 'decisions',
  // Exports read decisions by time, a page after another.
  indexes: [{ properties: ['decidedAt', 'id'] }],
  properties: {
    id: p.string().primary(),
    orderId: p.string().index(),
    decisionPoint: p.string(),
    rulesetId: p.string(),
    rulesetName: p.string(),
    rulesetVersion: p.integer(),
    facts: p.json<Record<string, unknown>>(),
    outcome: p.json<DecisionOutcome>(),
    rules: p.json<RuleExplanation[]>(),
    decidedAt: p.datetime(),
  },
});
export type DecisionRecord = InferEntity<typeof DecisionRecord>;
