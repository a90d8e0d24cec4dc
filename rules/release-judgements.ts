import type { RuleExplanation } from '../domain/decision.ts';
import type { ReleaseJudgement, ScoreContribution } from '../domain/release-judgement.ts';
import type { Evaluation } from './explain-evaluation.ts';
import { priorityFacts } from './priority-facts.ts';
import type { CyclePlan } from './release-cycle.ts';

export type JudgementRow = Omit<ReleaseJudgement, 'judgedAt'> & { orderId: string; verdictKey: string; judgedAt: Date };

export interface JudgementContext {
  workAreaId: string;
  cycleId: string;
  now: Date;
  priority: { version: number; evaluate: (facts: Record<string, unknown>) => Evaluation } | null;
  release: { version: number; evaluate: (facts: Record<string, unknown>) => Evaluation } | null;
}

/**
 * What a cycle must write about its pool: the judgements that changed (area, rule versions, score, verdict
 * or reason; the rank alone moves too often to be worth a write), explained in full only for those, and the
 * scores that differ from the ones the orders show.
 */
export function changedJudgements(plan: CyclePlan, ctx: JudgementContext): { judgements: JudgementRow[]; scores: { orderId: string; score: number }[] } {
  const judgements: JudgementRow[] = [];
  const scores: { orderId: string; score: number }[] = [];
  const judge = (r: { orderId: string; rank: number; score: number }, verdict: ReleaseJudgement['verdict'], reason: string | null) => {
    const { order, releaseFacts } = plan.ranking[r.rank - 1]!;
    if (order.storedScore !== r.score) scores.push({ orderId: r.orderId, score: r.score });
    const verdictKey = JSON.stringify([ctx.workAreaId, ctx.priority?.version ?? null, ctx.release?.version ?? null, r.score, verdict, reason]);
    if (order.verdictKey === verdictKey) return;
    const fired = ctx.priority?.evaluate(priorityFacts(order, ctx.now)).outcome.events ?? [];
    const scoreRules: ScoreContribution[] = fired.map((e) => ({ rule: e.rule, points: Number(e.params.points ?? 0) }));
    const rules: RuleExplanation[] = ctx.release?.evaluate(releaseFacts).rules ?? [];
    judgements.push({
      orderId: r.orderId,
      verdictKey,
      workAreaId: ctx.workAreaId,
      cycleId: ctx.cycleId,
      judgedAt: ctx.now,
      rank: r.rank,
      score: r.score,
      scoreRules,
      priorityVersion: ctx.priority?.version ?? null,
      verdict,
      reason,
      releaseVersion: ctx.release?.version ?? null,
      facts: releaseFacts,
      rules,
    });
  };
  for (const r of plan.released) judge(r, 'released', null);
  for (const r of plan.escalated) judge(r, 'escalated', r.reason);
  for (const r of plan.waited) judge(r, 'waiting', r.reason);
  return { judgements, scores };
}
