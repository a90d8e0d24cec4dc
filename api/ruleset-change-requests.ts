import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import type { DecisionPointId } from '../domain/decision-points.ts';
import type { InFlightPolicy } from '../domain/in-flight-policy.ts';
import type { ChangeRequestView } from '../domain/ruleset-change-request.ts';
import { appendAudit } from '../store/audit-log.ts';
import { RulesetChangeRequestRecord } from '../store/ruleset-change-request.entity.ts';
import { RulesetRecord } from '../store/ruleset.entity.ts';
import type { CheckedPublish } from './publish-ruleset.ts';

export const changeRequestOf = (r: RulesetChangeRequestRecord): ChangeRequestView => ({
  id: r.id,
  decisionPoint: r.decisionPoint as DecisionPointId,
  definition: r.definition,
  note: r.note,
  effectiveFrom: r.effectiveFrom?.toISOString() ?? null,
  inFlight: (r.inFlight ?? null) as InFlightPolicy | null,
  overrideReason: r.overrideReason ?? null,
  requestedBy: r.requestedBy,
  requestedAt: r.requestedAt.toISOString(),
  status: r.status as ChangeRequestView['status'],
  decidedBy: r.decidedBy ?? null,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  rejection: r.rejection ?? null,
  version: r.version ?? null,
});

/** Whether publishing this decision point's rules needs a second ops manager. */
export async function approvalRequired(em: EntityManager, dp: DecisionPointId): Promise<boolean> {
  return (await em.count(RulesetRecord, { decisionPoint: dp, approvalRequired: true })) > 0;
}

/** Keeps a checked publish as a change request, with its audit entry, in one transaction. */
export async function requestChange(em: EntityManager, p: CheckedPublish, requestedBy: string): Promise<ChangeRequestView> {
  return em.transactional(async (tx) => {
    const record = tx.create(RulesetChangeRequestRecord, {
      id: randomUUID(),
      decisionPoint: p.definition.decisionPoint,
      definition: p.definition,
      note: p.note,
      effectiveFrom: p.effectiveFrom ?? null,
      inFlight: p.inFlight,
      overrideReason: p.override?.reason ?? null,
      requestedBy,
      requestedAt: new Date(),
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      rejection: null,
      version: null,
    });
    appendAudit(tx, {
      dedupeKey: `ruleset-change:${record.id}:requested`,
      subjectType: 'ruleset',
      subjectId: p.definition.decisionPoint,
      action: 'ruleset_change_requested',
      actor: requestedBy,
      reason: p.note,
      data: { changeRequest: record.id, inFlight: p.inFlight, ...(p.effectiveFrom ? { effectiveFrom: p.effectiveFrom.toISOString() } : {}), ...(p.override ? { override: p.override } : {}) },
    });
    return changeRequestOf(record);
  });
}
