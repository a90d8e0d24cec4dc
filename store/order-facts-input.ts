import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { IntakeChecks, RoutingStep, StatedPriority } from '../domain/order.ts';
import type { IntakeFactsInput } from '../rules/intake-facts.ts';
import { readPlannedOperations } from './planned-lead-times.ts';
import type { PublishedVersionRow } from './rulesets.ts';
import { dateOf, jsonOf, sqlOn, type DateColumn, type JsonColumn } from './sql.ts';

type FactsRow = {
  kind: string;
  stated_priority: StatedPriority;
  due_at: DateColumn;
  created_at: DateColumn;
  account_tier: string | null;
  payment_mode: string;
  cod_amount: number | null;
  checks: JsonColumn<IntakeChecks> | null;
  order_value: number | null;
  line_count: number | null;
  /** Only for orders taken before their totals were stored. */
  lines: JsonColumn<{ qty: number; price: number }[]> | null;
  queued_at: DateColumn | null;
  routing: JsonColumn<RoutingStep[]> | null;
  /** The account's, when it is on file (a left join: null otherwise). */
  account_code: string | null;
  major_account: number | boolean | null;
  payment_terms: string | null;
  credit_limit: number | null;
  receivable: number | null;
};

const FACTS_COLUMNS = sql`o.kind, o.stated_priority, o.due_at, o.created_at, o.account_tier, o.payment_mode, o.cod_amount, o.checks, o.order_value, o.line_count,
  case when o.order_value is null or o.line_count is null then o.lines end as lines, o.queued_at, o.routing,
  a.code as account_code, a.major_account, a.payment_terms, a.credit_limit, a.receivable`;
/** The order's account on file, found by its primary key. */
const ACCOUNT_JOIN = sql`left join accounts a on a.code = o.account`;

/** What a decision's facts are computed from, read as one plain row: every decision of every order reads it. Null when the order is not in the store. */
export async function readFactsInput(em: EntityManager, orderId: string): Promise<IntakeFactsInput | null> {
  const { rows } = await sql<FactsRow>`select ${FACTS_COLUMNS} from orders o ${ACCOUNT_JOIN} where o.id = ${orderId}`.execute(sqlOn(em));
  return rows[0] ? factsInputOf(em, rows[0]) : null;
}

/**
 * readFactsInput, with the published versions of the ruleset that decides, in the same statement: a
 * decision needs both, and on PostgreSQL each statement is a round trip. Null when the order is not in the store.
 */
export async function readDecisionInput(em: EntityManager, orderId: string, rulesetId: string): Promise<{ order: IntakeFactsInput; published: PublishedVersionRow[] } | null> {
  const { rows } = await sql<FactsRow & { ruleset_version: number | null; published_at: DateColumn | null; effective_from: DateColumn | null }>`select ${FACTS_COLUMNS},
      v.version as ruleset_version, v.published_at, v.effective_from
    from orders o ${ACCOUNT_JOIN} left join ruleset_versions v on v.ruleset_id = ${rulesetId} and v.status = ${'published'}
    where o.id = ${orderId}`.execute(sqlOn(em));
  if (!rows[0]) return null;
  const published = rows.flatMap((r) => (r.ruleset_version === null ? [] : [{ version: r.ruleset_version, published_at: r.published_at, effective_from: r.effective_from }]));
  return { order: await factsInputOf(em, rows[0]), published };
}

async function factsInputOf(em: EntityManager, r: FactsRow): Promise<IntakeFactsInput> {
  // Only a routed order reads its areas' lead times: the sequencing facts need them.
  const operations = await readPlannedOperations(em, r.routing === null ? null : jsonOf(r.routing));
  return {
    queuedAt: r.queued_at === null ? null : dateOf(r.queued_at),
    operations,
    kind: r.kind,
    statedPriority: r.stated_priority,
    dueAt: dateOf(r.due_at),
    createdAt: dateOf(r.created_at),
    accountTier: r.account_tier,
    paymentMode: r.payment_mode,
    codAmount: r.cod_amount === null ? null : Number(r.cod_amount),
    checks: r.checks === null ? null : jsonOf(r.checks),
    accountOnFile: r.account_code === null ? null : { code: r.account_code, majorAccount: Boolean(r.major_account), paymentTerms: r.payment_terms!, creditLimit: Number(r.credit_limit), receivable: Number(r.receivable) },
    ...(r.order_value === null || r.line_count === null ? { lines: jsonOf(r.lines!) } : { orderValue: r.order_value, lineCount: r.line_count }),
  };
}
