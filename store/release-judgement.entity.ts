import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { ReleaseJudgement, ScoreContribution } from '../domain/release-judgement.ts';

/**
 * Each order's latest release judgement, one row per order: a pool may hold a hundred thousand orders and
 * cycles run every minute, so a cycle rewrites only the rows whose key (area, versions, score, verdict,
 * reason; kept on the order as `releaseVerdictKey`) changed.
 */
export const ReleaseJudgementRecord = defineEntity({
  name: 'ReleaseJudgementRecord',
  tableName: 'release_judgements',
  properties: {
    orderId: p.string().primary(),
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
    /** The release rules' facts; with `releaseVersion` they give the explanation again, so it is not stored. */
    facts: p.json<Record<string, unknown>>(),
  },
});
export type ReleaseJudgementRecord = InferEntity<typeof ReleaseJudgementRecord>;
