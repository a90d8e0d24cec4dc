import type { EntityManager } from '@mikro-orm/sql';
import type { Decision } from '../domain/decision.ts';
import type { OrderDetail, OrderState, OrderSummary, TimelineEntry } from '../domain/order.ts';
import { AuditEntryRecord } from './audit-entry.entity.ts';
import { DecisionRecord } from './decision.entity.ts';
import { OrderRecord } from './order.entity.ts';
import { findReleaseJudgement } from './release-judgements.ts';

export function toOrderSummary(order: OrderRecord): OrderSummary {
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
    lines: order.lines,
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

function toTimelineEntry(entry: AuditEntryRecord): TimelineEntry {
  return {
    seq: entry.seq,
    at: entry.at.toISOString(),
    from: (entry.fromState ?? null) as OrderState | null,
    to: entry.toState as OrderState,
    event: entry.action,
    actor: entry.actor,
    reason: entry.reason ?? null,
  };
}

/** Newest first; `q` finds orders whose id, reference or account contains it. */
export async function listOrders(em: EntityManager, { q, limit = 500 }: { q?: string; limit?: number } = {}): Promise<OrderSummary[]> {
  // Without an ESCAPE clause a typed % or _ acts as a wildcard: harmless for a search box.
  const like = `%${q ?? ''}%`;
  const where = q ? { $or: [{ id: { $like: like } }, { reference: { $like: like } }, { account: { $like: like } }] } : {};
  const orders = await em.find(OrderRecord, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit });
  return orders.map(toOrderSummary);
}

/** The order as the read model knows it; the caller adds what depends on the lifecycle (allowed actions). */
export async function findOrderDetail(em: EntityManager, id: string): Promise<Omit<OrderDetail, 'allowedActions'> | null> {
  const order = await em.findOne(OrderRecord, { id });
  if (!order) return null;
  const [transitions, decisions, releaseJudgement] = await Promise.all([
    em.find(AuditEntryRecord, { subjectType: 'order', subjectId: id, action: { $ne: 'intake' } }, { orderBy: { seq: 'asc' } }),
    em.find(DecisionRecord, { orderId: id }, { orderBy: { decidedAt: 'asc' } }),
    findReleaseJudgement(em, id),
  ]);
  return { ...toOrderSummary(order), timeline: transitions.map(toTimelineEntry), decisions: decisions.map(toDecision), releaseJudgement };
}
