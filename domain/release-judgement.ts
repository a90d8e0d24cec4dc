import { z } from 'zod';
import { ruleExplanation } from './decision.ts';

export const RELEASE_VERDICTS = ['released', 'waiting', 'escalated'] as const;

/** One priority rule's share of the score that ranked an order. */
export const scoreContribution = z.object({ rule: z.string().nullable(), points: z.number() });
export type ScoreContribution = z.infer<typeof scoreContribution>;

/**
 * The latest release cycle's judgement of an order in its pool: the score that ranked it and each rule's
 * share, the release rules' facts and explanation, and what the cycle made of it (released, still waiting
 * and why, or escalated). Kept once per order and rewritten only when it changes, so `judgedAt` is when
 * the order first got this verdict and score.
 */
export const releaseJudgement = z.object({
  workAreaId: z.string(),
  cycleId: z.string(),
  judgedAt: z.string(),
  rank: z.number().int().positive(),
  score: z.number(),
  scoreRules: z.array(scoreContribution),
  priorityVersion: z.number().int().nullable(),
  verdict: z.enum(RELEASE_VERDICTS),
  /** Why it waits, or why it was escalated; null when released. */
  reason: z.string().nullable(),
  releaseVersion: z.number().int().nullable(),
  facts: z.record(z.string(), z.unknown()),
  rules: z.array(ruleExplanation),
  /** Under a rank-by priority ruleset: how the pool was ranked and where the order stood ("Ranked by planned release time (…), earliest first; then +15 points break ties."). */
  rankedBy: z.string().max(2000).nullable().optional(),
});
export type ReleaseJudgement = z.infer<typeof releaseJudgement>;
