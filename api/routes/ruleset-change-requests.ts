import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { z } from 'zod';
import type { InFlightPolicy } from '../../domain/in-flight-policy.ts';
import { approvalSetting, changeRequestList, changeRequestView, rejectChangeRequest } from '../../domain/ruleset-change-request.ts';
import { rulesetView } from '../../domain/ruleset.ts';
import { appendAudit } from '../../store/audit-log.ts';
import { RulesetChangeRequestRecord } from '../../store/ruleset-change-request.entity.ts';
import { RulesetRecord } from '../../store/ruleset.entity.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { notFound, UserError } from '../errors.ts';
import { checkPublish, commitPublish } from '../publish-ruleset.ts';
import { defineRoute } from '../registry/route.ts';
import { approvalRequired, changeRequestOf } from '../ruleset-change-requests.ts';
import { rulesetVersionOrFail } from '../ruleset-lookup.ts';
import { errorBody, pathId, STANDARD_ERRORS } from '../schemas.ts';
import { dpParams } from './rulesets.ts';

const LISTED = 50;
const requestParams = dpParams.extend({ id: pathId });
const MISSING = { 404: { description: 'No such change request.', schema: errorBody } };
const DECIDED = { 409: { description: 'The change request was decided already.', schema: errorBody } };

/** Four-eyes approval: change requests waiting for a second ops manager, and the setting that makes publishes wait. */
export function rulesetChangeRequestRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  const pending = async (dp: string, id: string) => {
    const found = await em().findOne(RulesetChangeRequestRecord, { id, decisionPoint: dp });
    if (!found) throw notFound(`Change request ${id} of the ${dp} rules`);
    if (found.status !== 'pending') throw new UserError(409, 'already_decided', `This change request was ${found.status} by ${found.decidedBy ?? 'someone'} already.`);
    return found;
  };
  /** Marks a pending request decided; false when another request decided it first. */
  const claim = async (tx: EntityManager, id: string, fields: Partial<RulesetChangeRequestRecord>) =>
    (await tx.nativeUpdate(RulesetChangeRequestRecord, { id, status: 'pending' }, { ...fields, decidedAt: new Date() })) === 1;
  const base = { tag: 'Rules', params: dpParams } as const;

  return [
    defineRoute({
      ...base,
      method: 'get',
      path: '/rulesets/:decisionPoint/change-requests',
      operationId: 'listRulesetChangeRequests',
      summary: 'List change requests',
      access: 'rules.read',
      responses: { 200: { description: `Whether publishing needs approval, and the latest ${LISTED} change requests, newest first.`, schema: changeRequestList }, ...STANDARD_ERRORS },
      handler: async (c, { params }) => {
        const found = await em().find(RulesetChangeRequestRecord, { decisionPoint: params.decisionPoint }, { orderBy: { requestedAt: 'desc', id: 'asc' }, limit: LISTED });
        return c.json({ approvalRequired: await approvalRequired(em(), params.decisionPoint), changeRequests: found.map(changeRequestOf) });
      },
    }),
    defineRoute({
      ...base,
      method: 'put',
      path: '/rulesets/:decisionPoint/approval',
      operationId: 'setRulesetApproval',
      summary: 'Require four-eyes approval',
      access: 'users.manage',
      body: approvalSetting,
      responses: { 200: { description: 'The setting now.', schema: z.object({ approvalRequired: z.boolean() }) }, ...MISSING, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => {
        await em().transactional(async (tx) => {
          const before = await approvalRequired(tx, params.decisionPoint);
          const changed = await tx.nativeUpdate(RulesetRecord, { decisionPoint: params.decisionPoint }, { approvalRequired: body.required });
          if (changed === 0) throw notFound(`A ruleset for ${params.decisionPoint}`);
          appendAudit(tx, {
            // Two admins may switch it in the same millisecond: each switch is its own entry.
            dedupeKey: `ruleset-approval:${params.decisionPoint}:${randomUUID()}`,
            subjectType: 'ruleset',
            subjectId: params.decisionPoint,
            action: body.required ? 'ruleset_approval_required' : 'ruleset_approval_dropped',
            actor: actorOf(principal),
            reason: null,
            data: { before, after: body.required },
          });
        });
        return c.json({ approvalRequired: body.required });
      },
    }),
    defineRoute({
      ...base,
      method: 'post',
      path: '/rulesets/:decisionPoint/change-requests/:id/approve',
      operationId: 'approveRulesetChangeRequest',
      summary: 'Publishing rules',
      access: 'rules.publish',
      params: requestParams,
      responses: {
        201: { description: 'Approved and published as the next version, by its author, with the approver in the audit log.', schema: rulesetView },
        ...MISSING,
        ...DECIDED,
        ...STANDARD_ERRORS,
        403: { description: 'Not an ops manager, or the author of the change request: another ops manager must approve it.', schema: errorBody },
      },
      handler: async (c, { params, principal }) => {
        const request = await pending(params.decisionPoint, params.id);
        const approver = actorOf(principal);
        if (request.requestedBy === approver) throw new UserError(403, 'forbidden', 'You asked for this change: another ops manager must approve it (four-eyes).');
        // Checked again: cases and the clock may have moved since the request.
        const checked = await checkPublish(em(), request.definition, request.note, {
          ...(request.effectiveFrom ? { effectiveFrom: request.effectiveFrom.toISOString() } : {}),
          ...(request.overrideReason ? { override: { reason: request.overrideReason } } : {}),
          ...(request.inFlight ? { inFlight: request.inFlight as InFlightPolicy } : {}),
        });
        const version = await commitPublish(deps, checked, { author: request.requestedBy, actor: approver }, async (tx, v) => {
          if (!(await claim(tx, request.id, { status: 'approved', decidedBy: approver, version: v }))) throw new UserError(409, 'already_decided', 'Someone decided this change request a moment ago.');
        });
        return c.json(await rulesetVersionOrFail(em(), params.decisionPoint, version), 201);
      },
    }),
    defineRoute({
      ...base,
      method: 'post',
      path: '/rulesets/:decisionPoint/change-requests/:id/reject',
      operationId: 'rejectRulesetChangeRequest',
      summary: 'Publishing rules',
      access: 'rules.publish',
      params: requestParams,
      body: rejectChangeRequest,
      responses: { 200: { description: 'Rejected (its author may withdraw it so); nothing is published.', schema: changeRequestView }, ...MISSING, ...DECIDED, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => {
        const request = await pending(params.decisionPoint, params.id);
        await em().transactional(async (tx) => {
          if (!(await claim(tx, request.id, { status: 'rejected', decidedBy: actorOf(principal), rejection: body.reason }))) throw new UserError(409, 'already_decided', 'Someone decided this change request a moment ago.');
          appendAudit(tx, { dedupeKey: `ruleset-change:${request.id}:rejected`, subjectType: 'ruleset', subjectId: params.decisionPoint, action: 'ruleset_change_rejected', actor: actorOf(principal), reason: body.reason, data: { changeRequest: request.id } });
        });
        return c.json(changeRequestOf((await em().findOne(RulesetChangeRequestRecord, { id: request.id }))!));
      },
    }),
  ];
}
