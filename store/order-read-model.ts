import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { Decision } from '../domain/decision.ts';
import type { OrderDetail, OrderListItem, OrderState, OrderSummary, TimelineDetails, TimelineEntry } from '../domain/order.ts';
import { DESK_FILTERS, type Desk } from '../domain/order-desks.ts';
import type { TrendEvent } from '../domain/trend-events.ts';
import { AuditEntryRecord } from './audit-entry.entity.ts';
import { DecisionRecord } from './decision.entity.ts';
import { readOperationProgress } from './operation-progress.ts';
import { lateSql, moveSql } from './order-moves.ts';
import { OrderRecord } from './order.entity.ts';
import { findReleaseJudgement } from './release-judgements.ts';
import { sqlOn } from './sql.ts';
import { UserRecord } from './user.entity.ts';

export function toOrderSummary(order: OrderRecord): OrderSummary {
  return { ...toOrderListItem(order), lines: order.lines };
}

function toOrderListItem(order: Omit<OrderRecord, 'lines' | symbol>): OrderListItem {
  return {
    id: order.id,
    reference: order.reference ?? null,
    account: order.account,
    kind: order.kind,
    statedPriority: order.statedPriority,
    dueAt: order.dueAt.toISOString(),
    workAreaId: order.workAreaId,
    zone: order.zone ?? null,
    warehouse: order.warehouse ?? null,
    candidateAreas: order.candidateAreas ?? [order.workAreaId],
    requiredSkills: order.requiredSkills ?? [],
    routing: order.routing ?? [],
    paymentMode: order.paymentMode,
    state: order.state,
    lastMileStatus: order.lastMileStatus ?? null,
    priorityScore: order.priorityScore ?? null,
    escalation: order.escalation ?? null,
    holds: order.holds ?? [],
    assignee: order.assignee ?? null,
    parentId: order.parentId ?? null,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

function toDecision(record: DecisionRecord): Decision {
  return {
    id: record.id,
    orderId: record.orderId,
    decisionPoint: record.decisionPoint,
    rulesetId: record.rulesetId,
    rulesetName: record.rulesetName,
    rulesetVersion: record.rulesetVersion,
    facts: record.facts,
    outcome: record.outcome,
    rules: record.rules,
    decidedAt: record.decidedAt.toISOString(),
  };
}

const TEXT_DETAILS = ['holdType', 'role', 'resource', 'outcome', 'returnReason', 'to'] as const;
const NUMBER_DETAILS = ['score', 'statedPriority', 'amount'] as const;

/** The few fields of an entry's data its sentence needs, each only when it has the type the sentence expects. */
function detailsOf(data: Record<string, unknown> | null | undefined): TimelineDetails {
  const details: TimelineDetails = {};
  if (!data) return details;
  for (const k of TEXT_DETAILS) if (typeof data[k] === 'string') details[k] = data[k];
  for (const k of NUMBER_DETAILS) if (typeof data[k] === 'number') details[k] = data[k];
  if (Array.isArray(data.parts)) details.parts = data.parts.length;
  return details;
}

function toTimelineEntry(entry: AuditEntryRecord, displayNames: ReadonlyMap<string, string>): TimelineEntry {
  return {
    seq: entry.seq,
    at: entry.at.toISOString(),
    from: (entry.fromState ?? null) as OrderState | null,
    to: entry.toState as OrderState,
    event: entry.action,
    actor: entry.actor,
    actorDisplayName: displayNames.get(entry.actor) ?? null,
    reason: entry.reason ?? null,
    details: detailsOf(entry.data),
  };
}

export interface OrderListQuery {
  q?: string;
  desk?: Desk;
  moved?: OrderMoveFilter;
  offset?: number;
  limit?: number;
}

/** The orders behind a trend's figure: those that made the move in [from, to), late ones only if asked, in these areas. */
export interface OrderMoveFilter {
  event: TrendEvent;
  from: Date;
  to: Date;
  late?: boolean;
  areaIds?: readonly string[];
}

function movedIn(em: EntityManager, m: OrderMoveFilter) {
  const areas = m.areaIds?.length ? sql`and o.work_area_id in (${sql.join([...m.areaIds])})` : sql``;
  const late = m.late ? sql`and ${lateSql(em, m.event)}` : sql``;
  const compiled = sql`id in (select a.subject_id from audit_log a join orders o on o.id = a.subject_id join work_areas w on w.id = o.work_area_id
    where a.at >= ${m.from} and a.at < ${m.to} and a.subject_type = ${'order'} and ${moveSql(m.event)} ${late} ${areas})`.compile(sqlOn(em));
  // MikroORM's raw takes `?` placeholders and numbers them itself for PostgreSQL.
  return [{ [raw(compiled.sql.replace(/\$\d+/g, '?'), [...compiled.parameters])]: [] }];
}

/** Orders on a desk (and of those, the ones whose id, reference or account contains `q`, or that made a move), newest first, a page at a time. */
export async function listOrders(em: EntityManager, { q, desk = 'all', moved, offset = 0, limit = 500 }: OrderListQuery = {}): Promise<{ orders: OrderListItem[]; total: number }> {
  // A typed % or _ is looked for as itself, not as a wildcard; in any case (SQLite's like ignores it, PostgreSQL's does not).
  const like = `%${(q ?? '').toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const found = q ? [{ [raw(`(lower(id) like ? escape '\\' or lower(reference) like ? escape '\\' or lower(account) like ? escape '\\')`, [like, like, like])]: [] }] : [];
  const [orders, total] = await em.findAndCount(OrderRecord, { $and: [...found, ...onDesk(desk), ...(moved ? movedIn(em, moved) : [])] }, { orderBy: { createdAt: 'desc', id: 'desc' }, offset, limit, exclude: ['lines'] });
  return { orders: orders.map(toOrderListItem), total };
}

function onDesk(desk: Desk) {
  if (desk === 'all') return [];
  const { states, escalatedTo } = DESK_FILTERS[desk];
  // An order carries an escalation only while escalated: naming the state lets the state index serve both branches.
  const escalated = escalatedTo.length > 0 ? [{ state: 'escalated' as const, escalation: { role: { $in: [...escalatedTo] } } }] : [];
  return [{ $or: [{ state: { $in: [...states] } }, ...escalated] }];
}

/** The order as the read model knows it; the caller adds what depends on the lifecycle (allowed actions). */
export async function findOrderDetail(em: EntityManager, id: string): Promise<Omit<OrderDetail, 'allowedActions'> | null> {
  const order = await em.findOne(OrderRecord, { id });
  if (!order) return null;
  const [transitions, decisions, releaseJudgement, operations, parent] = await Promise.all([
    em.find(AuditEntryRecord, { subjectType: 'order', subjectId: id, action: { $ne: 'intake' } }, { orderBy: { seq: 'asc' } }),
    em.find(DecisionRecord, { orderId: id }, { orderBy: { decidedAt: 'asc' } }),
    findReleaseJudgement(em, id),
    readOperationProgress(em, id),
    order.parentId ? em.findOne(OrderRecord, { id: order.parentId }, { fields: ['reference'] }) : null,
  ]);
  const parentReference = parent?.reference ?? null;
  // The timeline names people as they are known, not by their user names; an actor with no user (Sluice, a token) has none.
  const actors = [...new Set(transitions.map((t) => t.actor))];
  const people = actors.length === 0 ? [] : await em.find(UserRecord, { username: { $in: actors } }, { fields: ['username', 'displayName'] });
  const displayNames = new Map(people.map((person) => [person.username, person.displayName]));
  return { ...toOrderSummary(order), parentReference, timeline: transitions.map((t) => toTimelineEntry(t, displayNames)), decisions: decisions.map(toDecision), releaseJudgement, operations };
}
