import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { ReleaseJudgement, ScoreContribution } from '../domain/release-judgement.ts';
import type { RuleExplanation } from '../domain/decision.ts';

/**
 * Each order's latest release judgement, one row per order: a pool may hold a hundred thousand orders and
 * cycles run every minute, so a cycle rewrites only the rows whose `verdictKey` (area, versions, score,
 * verdict, reason) changed.
 */
export const ReleaseJudgementRecord = defineEntity({
  name: 'ReleaseJudgementRecord',
  tableName: 'release_judgements',
  properties: {
    orderId: p.string().primary(),
    verdictKey: p.string(),
    workAreaId: p.string(),
    cycleId: p.string(),
    judgedAt: p.datetime(),
    rank: p.integer(),
    score: p.float(),
    scoreRules: p.json<ScoreContribution[]>(),
    priorityVersion: p.integer().nullable(),
    verdict: p.string().$type<ReleaseJudgement['verdict']>(),
    reason: p.string().nullable(),
    releaseVersion: p.integer().nullable(),
    facts: p.json<Record<string, unknown>>(),
    rules: p.json<RuleExplanation[]>(),
  },
});
export type ReleaseJudgementRecord = InferEntity<typeof ReleaseJudgementRecord>;
