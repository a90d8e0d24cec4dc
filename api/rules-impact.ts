import type { EntityManager } from '@mikro-orm/sql';
import type { DecisionOutcome } from '../domain/decision.ts';
import type { RulesetDefinition, RulesetView } from '../domain/ruleset.ts';
import { LISTED_CHANGES, type RulesImpact } from '../domain/ruleset-testing.ts';
import { compileRuleset } from '../rules/compile-ruleset.ts';
import { summarizeOutcome } from '../rules/outcome-summary.ts';
import { compareRanked, type Rankable } from '../rules/release-cycle.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { factsOfOrders } from './order-facts.ts';

type Judged = { order: OrderRecord; before: DecisionOutcome | null; after: DecisionOutcome };

/** Each order's place in its work area's pool when ranked by `score`, 1 for the first. */
function ranks(judged: readonly Judged[], score: (j: Judged) => number): Map<string, number> {
  const byArea = new Map<string, Rankable[]>();
  for (const j of judged) {
    const entry = { id: j.order.id, score: score(j), due: j.order.dueAt.getTime(), queued: (j.order.queuedAt ?? j.order.createdAt).getTime() };
    const pool = byArea.get(j.order.workAreaId);
    if (pool) pool.push(entry);
    else byArea.set(j.order.workAreaId, [entry]);
  }
  const rank = new Map<string, number>();
  for (const pool of byArea.values()) pool.sort(compareRanked).forEach((e, i) => rank.set(e.id, i + 1));
  return rank;
}

/**
 * What publishing `draft` would change for the orders waiting in the pools: each is judged by the version
 * in force and by the draft, with the facts it would be judged on now. For priority, a changed score
 * matters through the order's rank in its area's pool, so ranks are compared too.
 */
export async function impactOf(em: EntityManager, draft: RulesetDefinition, published: RulesetView | null, now: Date): Promise<RulesImpact> {
  const dp = draft.decisionPoint;
  const waiting = await em.find(OrderRecord, { inPool: true }, { orderBy: { id: 'asc' } });
  const known = await factsOfOrders(em, dp, waiting, now);
  const [before, after] = [published ? compileRuleset(published.definition) : null, compileRuleset(draft)];
  const judged: Judged[] = [];
  for (const order of waiting) {
    const found = known.get(order.id)!;
    if ('facts' in found) judged.push({ order, before: before?.decide(found.facts) ?? null, after: after.decide(found.facts) });
  }
  const ranked = dp === 'priority';
  const rankBefore = ranked ? ranks(judged, (j) => j.before?.score ?? 0) : null;
  const rankAfter = ranked ? ranks(judged, (j) => j.after.score ?? 0) : null;
  const changes = judged
    .map(({ order, before: b, after: a }) => ({
      orderId: order.id,
      state: order.state,
      workAreaId: order.workAreaId,
      before: { summary: summarizeOutcome(b), rank: rankBefore?.get(order.id) ?? null },
      after: { summary: summarizeOutcome(a), rank: rankAfter?.get(order.id) ?? null },
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
