import type { EntityManager } from '@mikro-orm/sql';
import type { DecisionOutcome } from '../domain/decision.ts';
import type { RankBy, RulesetDefinition, RulesetView } from '../domain/ruleset.ts';
import { LISTED_CHANGES, type RulesImpact } from '../domain/ruleset-testing.ts';
import { compileRuleset, type CompiledRuleset } from '../rules/compile-ruleset.ts';
import { summarizeOutcome } from '../rules/outcome-summary.ts';
import { rankKey } from '../rules/rank-by.ts';
import { compareRanked, type Rankable } from '../rules/release-cycle.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { readRunningDeadlinesPage } from '../store/running-deadlines-page.ts';
import { factsOfOrders } from './order-facts.ts';

type Judged = { order: OrderRecord; before: DecisionOutcome | null; after: DecisionOutcome; beforeSummary: string; afterSummary: string };

/**
 * What rules decide for an order from its facts. Assignment asks about every candidate: the highest
 * preference wins, ties to the least loaded, as a release's assignment does; a skip passes over the candidate.
 */
function judge(rules: CompiledRuleset | null, facts: Record<string, unknown>[], candidates: boolean): { outcome: DecisionOutcome | null; summary: string } {
  if (!candidates) {
    const outcome = rules?.decide(facts[0]!) ?? null;
    return { outcome, summary: summarizeOutcome(outcome) };
  }
  if (!rules) return { outcome: null, summary: summarizeOutcome(null) };
  const judged = facts.map((f) => ({ f, outcome: rules.decide(f) }));
  const escalated = judged.find((j) => j.outcome.chosen?.type === 'escalate');
  if (escalated) return { outcome: escalated.outcome, summary: summarizeOutcome(escalated.outcome) };
  const best = judged
    .filter((j) => j.outcome.chosen?.type !== 'skip')
    .map((j) => ({ ...j, preference: Number(j.outcome.chosen?.params.preference ?? 0), load: Number(j.f.resourceLoad ?? 0), id: String(j.f.resourceId) }))
    .sort((a, b) => b.preference - a.preference || a.load - b.load || a.id.localeCompare(b.id))[0];
  return best ? { outcome: best.outcome, summary: `${summarizeOutcome(best.outcome)} to ${best.id}` } : { outcome: judged[0]!.outcome, summary: 'nobody eligible: escalate to a dispatcher' };
}

/** Each order's place in its work area's pool when ranked by the priority outcome `of` it (by a ruleset's rank-by, if it has one), 1 for the first. */
function ranks(judged: readonly Judged[], rankBy: RankBy | undefined, of: (j: Judged) => DecisionOutcome | null): Map<string, number> {
  const byArea = new Map<string, Rankable[]>();
  for (const j of judged) {
    const outcome = of(j);
    const score = outcome?.score ?? 0;
    const key = rankBy ? rankKey(rankBy, outcome?.rank?.value ?? undefined, score) : 0;
    const entry = { id: j.order.id, score, key, due: j.order.dueAt.getTime(), queued: (j.order.queuedAt ?? j.order.createdAt).getTime() };
    const pool = byArea.get(j.order.workAreaId);
    if (pool) pool.push(entry);
    else byArea.set(j.order.workAreaId, [entry]);
  }
  const rank = new Map<string, number>();
  for (const pool of byArea.values()) pool.sort(compareRanked).forEach((e, i) => rank.set(e.id, i + 1));
  return rank;
}

/** The orders whose escalation deadline is running: those new escalation rules decide again. */
async function runningDeadlineOrders(em: EntityManager): Promise<OrderRecord[]> {
  const orders: OrderRecord[] = [];
  for (let cursor: string | null = ''; cursor !== null; ) {
    const { ids, next } = await readRunningDeadlinesPage(em, cursor, 500);
    if (ids.length > 0) orders.push(...(await em.find(OrderRecord, { id: { $in: ids } }, { orderBy: { id: 'asc' } })));
    cursor = next;
  }
  return orders;
}

/**
 * What publishing `draft` would change for the orders waiting on its decision point (in the pools; for
 * escalation, the orders whose deadline is running): each is judged by the version in force and by the
 * draft, with the facts it would be judged on now. For priority, a changed score matters through the
 * order's rank in its area's pool, so ranks are compared too.
 */
export async function impactOf(em: EntityManager, draft: RulesetDefinition, published: RulesetView | null, now: Date): Promise<RulesImpact> {
  const dp = draft.decisionPoint;
  const waiting = dp === 'escalation' ? await runningDeadlineOrders(em) : await em.find(OrderRecord, { inPool: true }, { orderBy: { id: 'asc' } });
  const known = await factsOfOrders(em, dp, waiting, now);
  const [before, after] = [published ? compileRuleset(published.definition) : null, compileRuleset(draft)];
  const judged: Judged[] = [];
  for (const order of waiting) {
    const found = known.get(order.id)!;
    if (!('facts' in found)) continue;
    const candidates = dp === 'assignment';
    const [b, a] = [judge(before, found.facts, candidates), judge(after, found.facts, candidates)];
    if (a.outcome) judged.push({ order, before: b.outcome, after: a.outcome, beforeSummary: b.summary, afterSummary: a.summary });
  }
  const ranked = dp === 'priority';
  const rankBefore = ranked ? ranks(judged, published?.definition.rankBy, (j) => j.before) : null;
  const rankAfter = ranked ? ranks(judged, draft.rankBy, (j) => j.after) : null;
  const changes = judged
    .map(({ order, beforeSummary, afterSummary }) => ({
      orderId: order.id,
      reference: order.reference ?? null,
      account: order.account,
      state: order.state,
      workAreaId: order.workAreaId,
      before: { summary: beforeSummary, rank: rankBefore?.get(order.id) ?? null },
      after: { summary: afterSummary, rank: rankAfter?.get(order.id) ?? null },
    }))
    .filter((c) => c.before.summary !== c.after.summary || c.before.rank !== c.after.rank);
  return {
    publishedVersion: published?.version ?? null,
    waitingOrders: waiting.length,
    notJudged: waiting.length - judged.length,
    changed: changes.length,
    orders: changes.slice(0, LISTED_CHANGES),
  };
}
