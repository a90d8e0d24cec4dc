import type { EntityManager } from '@mikro-orm/sql';
import { sql, type RawBuilder } from 'kysely';
import type { DecisionOutcome, RuleExplanation } from '../domain/decision.ts';
import type { AuditExportQuery, DecisionExportQuery, OrderExportQuery } from '../domain/exports.ts';
import type { Escalation, Hold, OrderKind, OrderState, RoutingStep } from '../domain/order.ts';
import { dateOf, jsonOf, sqlOn, type DateColumn, type JsonColumn } from './sql.ts';

/*
 * Exports read the store a page at a time, each page after the last row of the one before (keyset
 * pagination on an indexed order), each in a statement of its own: no export holds a transaction, an
 * offset or its whole result.
 */

/** Where a page starts: after this row. */
export interface TimeKey {
  at: Date;
  id: string;
}

const where = (conditions: (RawBuilder<unknown> | false | undefined)[]) => {
  const kept = conditions.filter((c): c is RawBuilder<unknown> => !!c);
  return kept.length === 0 ? sql`1 = 1` : sql.join(kept, sql` and `);
};
const after = (at: RawBuilder<unknown>, id: RawBuilder<unknown>, key: TimeKey | null) => key !== null && sql`(${at} > ${key.at} or (${at} = ${key.at} and ${id} > ${key.id}))`;
const inRange = (at: RawBuilder<unknown>, q: { from?: string | undefined; to?: string | undefined }) => [q.from !== undefined && sql`${at} >= ${new Date(q.from)}`, q.to !== undefined && sql`${at} < ${new Date(q.to)}`];

export interface OrderExportRow {
  id: string;
  reference: string | null;
  account: string;
  kind: OrderKind;
  statedPriority: string;
  state: OrderState;
  lastMileStatus: string | null;
  workAreaId: string;
  zone: string | null;
  warehouse: string | null;
  paymentMode: string;
  carrierType: string | null;
  codAmount: number | null;
  priorityScore: number | null;
  assignee: string | null;
  parentId: string | null;
  units: number;
  orderValue: number | null;
  lineCount: number | null;
  dueAt: string;
  createdAt: string;
  updatedAt: string;
  holds: Hold[];
  escalation: Escalation | null;
  routing: RoutingStep[];
  lines: { sku: string; qty: number; price: number }[];
}

type OrderRow = {
  id: string; reference: string | null; account: string; kind: OrderKind; stated_priority: string; state: OrderState; last_mile_status: string | null; work_area_id: string;
  zone: string | null; warehouse: string | null; payment_mode: string; carrier_type: string | null; cod_amount: number | null; priority_score: number | null; assignee: string | null; parent_id: string | null; units: number;
  order_value: number | null; line_count: number | null; due_at: DateColumn; created_at: DateColumn; updated_at: DateColumn; holds: JsonColumn<Hold[]> | null;
  escalation: JsonColumn<Escalation> | null; routing: JsonColumn<RoutingStep[]> | null; lines: JsonColumn<OrderExportRow['lines']>;
};

/** A page of orders taken in the range, by (created_at, id): the index the order list pages by. */
export async function orderExportPage(em: EntityManager, q: OrderExportQuery, key: TimeKey | null, limit: number): Promise<OrderExportRow[]> {
  const { rows } = await sql<OrderRow>`select id, reference, account, kind, stated_priority, state, last_mile_status, work_area_id, zone, warehouse, payment_mode, carrier_type, cod_amount, priority_score,
      assignee, parent_id, units, order_value, line_count, due_at, created_at, updated_at, holds, escalation, routing, lines
    from orders
    where ${where([
      ...inRange(sql.ref('created_at'), q),
      q.workAreaId !== undefined && sql`work_area_id = ${q.workAreaId}`,
      q.state !== undefined && sql`state = ${q.state}`,
      q.kind !== undefined && sql`kind = ${q.kind}`,
      after(sql.ref('created_at'), sql.ref('id'), key),
    ])}
    order by created_at, id limit ${limit}`.execute(sqlOn(em));
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    account: r.account,
    kind: r.kind,
    statedPriority: r.stated_priority,
    state: r.state,
    lastMileStatus: r.last_mile_status,
    workAreaId: r.work_area_id,
    zone: r.zone,
    warehouse: r.warehouse,
    paymentMode: r.payment_mode,
    carrierType: r.carrier_type,
    codAmount: r.cod_amount === null ? null : Number(r.cod_amount),
    priorityScore: r.priority_score === null ? null : Number(r.priority_score),
    assignee: r.assignee,
    parentId: r.parent_id,
    units: Number(r.units),
    orderValue: r.order_value === null ? null : Number(r.order_value),
    lineCount: r.line_count === null ? null : Number(r.line_count),
    dueAt: dateOf(r.due_at).toISOString(),
    createdAt: dateOf(r.created_at).toISOString(),
    updatedAt: dateOf(r.updated_at).toISOString(),
    holds: r.holds === null ? [] : jsonOf(r.holds),
    escalation: r.escalation === null ? null : jsonOf(r.escalation),
    routing: r.routing === null ? [] : jsonOf(r.routing),
    lines: jsonOf(r.lines),
  }));
}

export interface DecisionExportRow {
  id: string;
  orderId: string;
  workAreaId: string | null;
  decisionPoint: string;
  rulesetId: string;
  rulesetName: string;
  rulesetVersion: number;
  decidedAt: string;
  outcome: DecisionOutcome;
  rules: RuleExplanation[];
  facts: Record<string, unknown>;
}

type DecisionRow = {
  id: string; order_id: string; work_area_id: string | null; decision_point: string; ruleset_id: string; ruleset_name: string; ruleset_version: number;
  decided_at: DateColumn; outcome: JsonColumn<DecisionOutcome>; rules: JsonColumn<RuleExplanation[]>; facts: JsonColumn<Record<string, unknown>>;
};

/** A page of decisions made in the range, by (decided_at, id), with the work area of their order. */
export async function decisionExportPage(em: EntityManager, q: DecisionExportQuery, key: TimeKey | null, limit: number): Promise<DecisionExportRow[]> {
  const { rows } = await sql<DecisionRow>`select d.id, d.order_id, o.work_area_id, d.decision_point, d.ruleset_id, d.ruleset_name, d.ruleset_version, d.decided_at, d.outcome, d.rules, d.facts
    from decisions d left join orders o on o.id = d.order_id
    where ${where([
      ...inRange(sql.ref('d.decided_at'), q),
      q.workAreaId !== undefined && sql`o.work_area_id = ${q.workAreaId}`,
      q.decisionPoint !== undefined && sql`d.decision_point = ${q.decisionPoint}`,
      after(sql.ref('d.decided_at'), sql.ref('d.id'), key),
    ])}
    order by d.decided_at, d.id limit ${limit}`.execute(sqlOn(em));
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    workAreaId: r.work_area_id,
    decisionPoint: r.decision_point,
    rulesetId: r.ruleset_id,
    rulesetName: r.ruleset_name,
    rulesetVersion: Number(r.ruleset_version),
    decidedAt: dateOf(r.decided_at).toISOString(),
    outcome: jsonOf(r.outcome),
    rules: jsonOf(r.rules),
    facts: jsonOf(r.facts),
  }));
}

export interface AuditExportRow {
  seq: number;
  at: string;
  subjectType: string;
  subjectId: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  actor: string;
  reason: string | null;
  data: Record<string, unknown> | null;
}

type AuditRow = {
  seq: number | string; at: DateColumn; subject_type: string; subject_id: string; action: string; from_state: string | null; to_state: string | null;
  actor: string; reason: string | null; data: JsonColumn<Record<string, unknown>> | null;
};

/**
 * A page of audit entries written in the range, by seq (its primary key, so a narrow filter costs one
 * pass over the log however many pages it takes). An area's entries are its own and those of its orders
 * and of their decisions.
 */
export async function auditExportPage(em: EntityManager, q: AuditExportQuery, afterSeq: number | null, limit: number): Promise<AuditExportRow[]> {
  const area =
    q.workAreaId !== undefined &&
    sql`((subject_type = ${'work_area'} and subject_id = ${q.workAreaId})
      or (subject_type in (${'order'}, ${'decision'}) and subject_id in (select id from orders where work_area_id = ${q.workAreaId})))`;
  const { rows } = await sql<AuditRow>`select seq, at, subject_type, subject_id, action, from_state, to_state, actor, reason, data
    from audit_log
    where ${where([
      ...inRange(sql.ref('at'), q),
      area,
      q.subjectType !== undefined && sql`subject_type = ${q.subjectType}`,
      q.action !== undefined && sql`action = ${q.action}`,
      afterSeq !== null && sql`seq > ${afterSeq}`,
    ])}
    order by seq limit ${limit}`.execute(sqlOn(em));
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: dateOf(r.at).toISOString(),
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    actor: r.actor,
    reason: r.reason,
    data: r.data === null ? null : jsonOf(r.data),
  }));
}
