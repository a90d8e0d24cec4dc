import { z } from 'zod';
import { publishRulesetRequest, rulesetVersionSummary, rulesetView } from '../../domain/ruleset.ts';
import { appendAudit } from '../../store/audit-log.ts';
import { findPublishedRuleset, listVersions, publishVersion } from '../../store/rulesets.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { notFound, UserError } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, STANDARD_ERRORS } from '../schemas.ts';

const decisionPointParams = z.object({ decisionPoint: z.string().min(1) });
const NOT_FOUND = { 404: { description: 'No ruleset is published for this decision point.', schema: errorBody } };

export function rulesetRoutes(deps: ApiDeps) {
  const published = async (decisionPoint: string) => {
    const ruleset = await findPublishedRuleset(deps.store.em.fork(), decisionPoint);
    if (!ruleset) throw notFound(`A published ruleset for the "${decisionPoint}" decision point`);
    return ruleset;
  };

  return [
    defineRoute({
      method: 'get',
      path: '/rulesets/:decisionPoint',
      operationId: 'getPublishedRuleset',
      summary: 'Read the published ruleset of a decision point',
      tag: 'Rules',
      access: 'rules.read',
      params: decisionPointParams,
      responses: { 200: { description: 'The version in force.', schema: rulesetView }, ...NOT_FOUND, ...STANDARD_ERRORS },
      handler: async (c, { params }) => c.json(await published(params.decisionPoint)),
    }),
    defineRoute({
      method: 'get',
      path: '/rulesets/:decisionPoint/versions',
      operationId: 'listRulesetVersions',
      summary: 'List the versions of a ruleset',
      tag: 'Rules',
      access: 'rules.read',
      params: decisionPointParams,
      responses: { 200: { description: 'Newest first.', schema: z.object({ versions: z.array(rulesetVersionSummary) }) }, ...NOT_FOUND, ...STANDARD_ERRORS },
      handler: async (c, { params }) => {
        const ruleset = await published(params.decisionPoint);
        return c.json({ versions: await listVersions(deps.store.em.fork(), ruleset.id) });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/rulesets/:decisionPoint/versions',
      operationId: 'publishRulesetVersion',
      summary: 'Publishing rules',
      tag: 'Rules',
      access: 'rules.publish',
      params: decisionPointParams,
      body: publishRulesetRequest,
      responses: { 201: { description: 'Published; the previous version is retired.', schema: rulesetView }, ...NOT_FOUND, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => {
        const current = await published(params.decisionPoint);
        if (body.definition.decisionPoint !== params.decisionPoint) {
          throw new UserError(400, 'invalid_request', `This ruleset is for the "${body.definition.decisionPoint}" decision point, not "${params.decisionPoint}".`, [
            { path: 'definition.decisionPoint', message: `must be "${params.decisionPoint}"` },
          ]);
        }
        const em = deps.store.em.fork();
        const version = await publishVersion(em, current.id, body.definition, actorOf(principal), body.note);
        appendAudit(em, {
          dedupeKey: `ruleset:${current.id}@${version}`,
          subjectType: 'ruleset',
          subjectId: current.id,
          action: 'ruleset_published',
          actor: actorOf(principal),
          reason: body.note,
          data: { version, previousVersion: current.version },
        });
        await em.flush();
        return c.json(await published(params.decisionPoint), 201);
      },
    }),
  ];
}
