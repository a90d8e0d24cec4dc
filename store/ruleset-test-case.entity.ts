import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { DecisionOutcome } from '../domain/decision.ts';

/** A facts document kept with a decision point's rules, with the outcome it should keep producing. */
export const RulesetTestCaseRecord = defineEntity({
  name: 'RulesetTestCaseRecord',
  tableName: 'ruleset_test_cases',
  properties: {
    id: p.string().primary(),
    decisionPoint: p.string().index(),
    name: p.string(),
    facts: p.json<Record<string, unknown>>(),
    /** Null: the case is run and shown, but has no outcome to compare with. */
    expected: p.json<DecisionOutcome>().nullable(),
    createdBy: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type RulesetTestCaseRecord = InferEntity<typeof RulesetTestCaseRecord>;
