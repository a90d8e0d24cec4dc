import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { ReleaseJudgement } from '../domain/release-judgement.ts';
import type { JudgementRow, OrderMark } from '../rules/release-judgements.ts';
import { compileRuleset } from '../rules/compile-ruleset.ts';
import { priorityFacts } from '../rules/priority-facts.ts';
import { readFactsInput } from './order-facts-input.ts';
import { ReleaseJudgementRecord } from './release-judgement.entity.ts';
import { findVersion } from './rulesets.ts';
import { jsonValue, sqlOn } from './sql.ts';

/** Rows per statement: well under SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Writes changed judgements over the ones they replace, in bulk and with bound parameters. */
export async function writeReleaseJudgements(em: EntityManager, rows: readonly JudgementRow[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    const values = chunk.map(
      (j) =>
        sql`(${j.orderId}, ${j.workAreaId}, ${j.cycleId}, ${j.judgedAt}, ${j.rank}, ${j.score}, ${jsonValue(j.scoreRules)}, ${j.priorityVersion}, ${j.verdict}, ${j.reason}, ${j.releaseVersion}, ${jsonValue(j.facts)})`,
    );
    await sql`insert into release_judgements (order_id, work_area_id, cycle_id, judged_at, rank, score, score_rules, priority_version, verdict, reason, release_version, facts)
      values ${sql.join(values)}
      on conflict (order_id) do update set work_area_id = excluded.work_area_id, cycle_id = excluded.cycle_id, judged_at = excluded.judged_at,
        rank = excluded.rank, score = excluded.score, score_rules = excluded.score_rules, priority_version = excluded.priority_version, verdict = excluded.verdict,
        reason = excluded.reason, release_version = excluded.release_version, facts = excluded.facts`.execute(sqlOn(em));
  }
}

/** Marks on the orders the score a cycle ranked them by and their judgement's key, where either changed: in bulk, with bound parameters. */
export async function writeOrderMarks(em: EntityManager, marks: readonly OrderMark[]): Promise<void> {
  for (const chunk of chunks(marks)) {
    // Typed, since PostgreSQL cannot infer a CASE's type from parameters alone; SQLite reads the same names.
    const scores = sql.join(chunk.map((m) => sql`when ${m.orderId} then cast(${m.score} as double precision)`), sql` `);
    const keys = sql.join(chunk.map((m) => sql`when ${m.orderId} then cast(${m.verdictKey} as text)`), sql` `);
    await sql`update orders set priority_score = case id ${scores} end, release_verdict_key = case id ${keys} end
      where id in (${sql.join(chunk.map((m) => m.orderId))})`.execute(sqlOn(em));
  }
}

/** The order's latest release judgement, explained by the release rules' version it was judged under; null if no cycle has judged it. */
export async function findReleaseJudgement(em: EntityManager, orderId: string): Promise<ReleaseJudgement | null> {
  const j = await em.findOne(ReleaseJudgementRecord, { orderId });
  if (!j) return null;
  const version = j.releaseVersion === null || j.releaseVersion === undefined ? null : await findVersion(em, 'release', j.releaseVersion);
  return {
    workAreaId: j.workAreaId,
    cycleId: j.cycleId,
    judgedAt: j.judgedAt.toISOString(),
    rank: j.rank,
    score: j.score,
    scoreRules: j.scoreRules,
    priorityVersion: j.priorityVersion ?? null,
    verdict: j.verdict,
    reason: j.reason ?? null,
    releaseVersion: j.releaseVersion ?? null,
    facts: j.facts,
    rules: version ? compileRuleset(version.definition).evaluate(j.facts).rules : [],
    rankedBy: await rankedBy(em, orderId, j.priorityVersion ?? null, j.judgedAt),
  };
}

/**
 * How a rank-by priority version ranked the order when it was judged: its priority facts as of then, from
 * the stored order (as the release facts and version give the release explanation again, this is not stored).
 */
async function rankedBy(em: EntityManager, orderId: string, priorityVersion: number | null, judgedAt: Date): Promise<string | null> {
  const priority = priorityVersion === null ? null : await findVersion(em, 'priority', priorityVersion);
  if (!priority?.definition.rankBy) return null;
  const input = await readFactsInput(em, orderId);
  return input && (compileRuleset(priority.definition).decide(priorityFacts(input, judgedAt)).rank?.sentence ?? null);
}
