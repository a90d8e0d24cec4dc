import type { EntityManager } from '@mikro-orm/sql';
import type { Decision } from '../domain/decision.ts';
import type { GeoPoint } from '../domain/geo.ts';
import type { OrderDetail, OrderListItem, OrderState, OrderSummary, TimelineDetails, TimelineEntry } from '../domain/order.ts';
import { AuditEntryRecord } from './audit-entry.entity.ts';
import { DecisionRecord } from './decision.entity.ts';
import { readOperationProgress } from './operation-progress.ts';
import { OrderRecord } from './order.entity.ts';
import { findReleaseJudgement } from './release-judgements.ts';
import { UserRecord } from './user.entity.ts';

const pointOf = (lat: number | null | undefined, lng: number | null | undefined): GeoPoint | null =>
  lat === null || lat === undefined || lng === null || lng === undefined ? null : { lat, lng };

export function toOrderSummary(order: OrderRecord): OrderSummary {
  return { ...toOrderListItem(order), lines: order.lines };
}

export function toOrderListItem(order: Omit<OrderRecord, 'lines' | symbol>): OrderListItem {
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
    pickupLocation: pointOf(order.pickupLat, order.pickupLng),
    dropoffLocation: pointOf(order.dropoffLat, order.dropoffLng),
    candidateAreas: order.candidateAreas ?? [order.workAreaId],
    requiredSkills: order.requiredSkills ?? [],
    routing: order.routing ?? [],
    paymentMode: order.paymentMode,
    carrierType: order.carrierType ?? null,
    codAmount: order.codAmount ?? null,
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
