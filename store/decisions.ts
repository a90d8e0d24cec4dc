import { TransactionPropagation, type EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { DecisionOutcome } from '../domain/decision.ts';
import type { RulesetView } from '../domain/ruleset.ts';
import type { Evaluation } from '../rules/explain-evaluation.ts';
import { insertAudit } from './audit-log.ts';
import { jsonOf, jsonValue, sqlOn, type JsonColumn } from './sql.ts';

export interface NewDecision {
  id: string;
  orderId: string;
  ruleset: RulesetView;
  facts: Record<string, unknown>;
  evaluation: Evaluation;
  at: Date;
}

/*
 * A transaction whose transition record is new: the decisions made with a record are stored in its
 * transaction only, so none of them can be stored yet, and looking for one would cost a statement per
 * decision on every order's hot path. A record an earlier attempt committed ('already') is not marked.
 */
const freshRecords = new WeakSet<EntityManager>();

/** Marks `tx` as the transaction of a transition recorded for the first time (see `freshRecords`). */
export function markFreshRecord(tx: EntityManager): void {
  freshRecords.add(tx);
}

/** A decision stored earlier under this id (a retried activity finds its first attempt's), or null. */
export async function findStoredDecision(em: EntityManager, id: string): Promise<{ outcome: DecisionOutcome; facts: Record<string, unknown> } | null> {
  if (freshRecords.has(em)) return null;
  const { rows } = await sql<{ outcome: JsonColumn<DecisionOutcome>; facts: JsonColumn<Record<string, unknown>> }>`select outcome, facts from decisions where id = ${id}`.execute(sqlOn(em));
  const row = rows[0];
  return row ? { outcome: jsonOf(row.outcome), facts: jsonOf(row.facts) } : null;
}

/** Stores a decision with everything that explains it, and its line in the audit log, in one transaction: `em`'s, if it is in one. */
export async function storeDecision(em: EntityManager, d: NewDecision, alsoInTransaction: (tx: EntityManager) => Promise<unknown> = async () => undefined): Promise<void> {
  const { ruleset, evaluation } = d;
  // Joined, not nested: a savepoint would cost two more statements, and a decision that fails fails its transaction.
  await em.transactional(async (tx) => {
    await alsoInTransaction(tx);
    await sql`insert into decisions (id, order_id, decision_point, ruleset_id, ruleset_name, ruleset_version, facts, outcome, rules, decided_at)
      values (${d.id}, ${d.orderId}, ${ruleset.decisionPoint}, ${ruleset.id}, ${ruleset.name}, ${ruleset.version}, ${jsonValue(d.facts)}, ${jsonValue(evaluation.outcome)}, ${jsonValue(evaluation.rules)}, ${d.at})`.execute(sqlOn(tx));
    await insertAudit(tx, {
      dedupeKey: `decision:${d.id}`,
      subjectType: 'decision',
      subjectId: d.orderId,
      action: `${ruleset.decisionPoint}_decided`,
      actor: `ruleset:${ruleset.id}@${ruleset.version}`,
      data: { decisionId: d.id, score: evaluation.outcome.score, chosen: evaluation.outcome.chosen, fired: evaluation.outcome.events.map((e) => e.rule) },
      at: d.at,
    });
  }, { propagation: TransactionPropagation.REQUIRED });
}
