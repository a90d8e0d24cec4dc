import type { EntityManager } from '@mikro-orm/sql';
import type { Evaluation } from '../rules/explain-evaluation.ts';
import type { RulesetView } from '../domain/ruleset.ts';
import { appendAudit } from '../store/audit-log.ts';
import { DecisionRecord } from '../store/decision.entity.ts';

/** Stores a decision with everything that explains it, and its line in the audit log, in one transaction. */
export async function storeDecision(
  em: EntityManager,
  d: { id: string; orderId: string; ruleset: RulesetView; facts: Record<string, unknown>; evaluation: Evaluation; at: Date },
  alsoInTransaction: (tx: EntityManager) => Promise<unknown> = async () => undefined,
): Promise<void> {
  const { ruleset, evaluation } = d;
  await em.transactional(async (tx) => {
    await alsoInTransaction(tx);
    tx.create(DecisionRecord, {
      id: d.id,
      orderId: d.orderId,
      decisionPoint: ruleset.decisionPoint,
      rulesetId: ruleset.id,
      rulesetName: ruleset.name,
      rulesetVersion: ruleset.version,
      facts: d.facts,
      outcome: evaluation.outcome,
      rules: evaluation.rules,
      decidedAt: d.at,
    });
    appendAudit(tx, {
      dedupeKey: `decision:${d.id}`,
      subjectType: 'decision',
      subjectId: d.orderId,
      action: `${ruleset.decisionPoint}_decided`,
      actor: `ruleset:${ruleset.id}@${ruleset.version}`,
      data: { decisionId: d.id, score: evaluation.outcome.score, chosen: evaluation.outcome.chosen, fired: evaluation.outcome.events.map((e) => e.rule) },
      at: d.at,
    });
  });
}
