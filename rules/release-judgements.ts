import type { DecisionOutcome } from '../domain/decision.ts';
import { RELEASE_VERDICTS, type ReleaseJudgement, type ScoreContribution } from '../domain/release-judgement.ts';
import { priorityFacts } from './priority-facts.ts';
import type { CyclePlan } from './release-cycle.ts';

/** A judgement as stored: its explanation is left out, as the release rules' version and facts give it again on reading. */
export type JudgementRow = Omit<ReleaseJudgement, 'judgedAt' | 'rules'> & { orderId: string; judgedAt: Date };

/** What the order row keeps of its judgement: the score it shows, and the key a cycle compares without reading the judgement. */
export type OrderMark = { orderId: string; score: number; verdictKey: string };

export interface JudgementContext {
  workAreaId: string;
  cycleId: string;
  now: Date;
  priority: { version: number; decide: (facts: Record<string, unknown>) => DecisionOutcome } | null;
  release: { version: number } | null;
}

/**
 * What a cycle must write about its pool: the judgements that changed (area, rule versions, score, verdict
 * or reason; the rank alone moves too often to be worth a write), and the orders whose shown score or
 * judgement key must follow. Compact: each priority rule's points, the release facts and the verdict; the
 * release explanation is not stored, since the facts and the immutable version give it again.
 */
export function changedJudgements(plan: CyclePlan, ctx: JudgementContext): { judgements: JudgementRow[]; orders: OrderMark[] } {
  const judgements: JudgementRow[] = [];
  const orders: OrderMark[] = [];
  const keyOf = verdictKeys(ctx);
  const judge = (r: { orderId: string; rank: number; score: number }, verdict: ReleaseJudgement['verdict'], reason: string | null) => {
    const { order, releaseFacts } = plan.ranking[r.rank - 1]!;
    const verdictKey = keyOf(r.score, verdict, reason);
    if (order.storedScore !== r.score || order.verdictKey !== verdictKey) orders.push({ orderId: r.orderId, score: r.score, verdictKey });
    if (order.verdictKey === verdictKey) return;
    const fired = ctx.priority?.decide(priorityFacts(order, ctx.now)).events ?? [];
    const scoreRules: ScoreContribution[] = fired.map((e) => ({ rule: e.rule, points: Number(e.params.points ?? 0) }));
    judgements.push({
      orderId: r.orderId,
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
    });
  };
  for (const r of plan.released) judge(r, 'released', null);
  for (const r of plan.escalated) judge(r, 'escalated', r.reason);
  for (const r of plan.waited) judge(r, 'waiting', r.reason);
  return { judgements, orders };
}

/**
 * The judgement key of a score, verdict and reason in the context's area under its rule versions: the JSON
 * text of `[area, priority version, release version, score, verdict, reason]`. A pool's orders share a few
 * scores and reasons, so each key is built once and the same string is answered for every order it fits:
 * a cycle neither serializes an array per order nor builds a string to compare with each order's.
 */
export function verdictKeys(ctx: Pick<JudgementContext, 'workAreaId' | 'priority' | 'release'>) {
  const head = JSON.stringify([ctx.workAreaId, ctx.priority?.version ?? null, ctx.release?.version ?? null]).slice(0, -1);
  const keys = Object.fromEntries(RELEASE_VERDICTS.map((v) => [v, new Map<string | null, Map<number, string>>()])) as Record<ReleaseJudgement['verdict'], Map<string | null, Map<number, string>>>;
  return (score: number, verdict: ReleaseJudgement['verdict'], reason: string | null): string => {
    let byScore = keys[verdict].get(reason);
    if (!byScore) keys[verdict].set(reason, (byScore = new Map()));
    let key = byScore.get(score);
    if (key === undefined) byScore.set(score, (key = `${head},${JSON.stringify(score)},${JSON.stringify(verdict)},${JSON.stringify(reason)}]`));
    return key;
  };
}
