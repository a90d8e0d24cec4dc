import { z } from 'zod';
import { DECISION_POINTS, type DecisionPointId } from '../../domain/decision-points.ts';
import type { InFlightPolicy } from '../../domain/in-flight-policy.ts';
import { changeRequested } from '../../domain/ruleset-change-request.ts';
import { draftRequest, publishDraftRequest, publishRulesetRequest, rollbackRequest, rulesetVersionSummary, rulesetView, type RulesetDefinition } from '../../domain/ruleset.ts';
import { diffRulesets } from '../../rules/ruleset-diff.ts';
import { validateRuleset } from '../../rules/validate-ruleset.ts';
import { discardDraft, listVersions, saveDraft } from '../../store/rulesets.ts';
import type { ApiDeps } from '../api-deps.ts';
import type { Context } from 'hono';
import { actorOf, type AppEnv, type Principal } from '../auth/principal.ts';
import { notFound } from '../errors.ts';
import { checkPublish, commitPublish, type PublishAsk } from '../publish-ruleset.ts';
import { approvalRequired, requestChange } from '../ruleset-change-requests.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, STANDARD_ERRORS } from '../schemas.ts';
import { requireValid, rulesetVersionOrFail } from '../ruleset-lookup.ts';
import { EDIT_REFUSED, guardRulesetEdit } from '../ruleset-edit-guard.ts';

export const dpParams = z.object({ decisionPoint: z.enum(DECISION_POINTS) });
const versionNumber = z.coerce.number().int().positive().max(1_000_000);
const versionParams = dpParams.extend({ version: versionNumber });
const versionRef = z.union([z.literal('draft'), versionNumber]);
export const problem = z.object({ path: z.string(), message: z.string(), severity: z.enum(['error', 'warning']) });
const publishOptions = (body: { effectiveFrom?: string | undefined; override?: { reason: string } | undefined; inFlight?: InFlightPolicy | undefined }) => ({
  ...(body.effectiveFrom ? { effectiveFrom: body.effectiveFrom } : {}),
  ...(body.override ? { override: body.override } : {}),
  ...(body.inFlight ? { inFlight: body.inFlight } : {}),
});
const PUBLISH_ANSWERS = {
  202: { description: 'Four-eyes approval is required for this decision point: kept as a change request for another ops manager.', schema: changeRequested },
  409: { description: 'Stored test cases fail under these rules (the message names them); publish with an override and a reason.', schema: errorBody },
};
const NOT_FOUND = { 404: { description: 'No such ruleset version.', schema: errorBody } };

export function rulesetRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  const version = (dp: DecisionPointId, v: number | 'draft' | undefined) => rulesetVersionOrFail(em(), dp, v);
  /** Published now, or kept as a change request when the decision point needs a second ops manager (a rollback, below, never waits). */
  const publish = async (definition: RulesetDefinition, principal: Principal, note: string, ask: PublishAsk = {}) => {
    const checked = await checkPublish(em(), definition, note, ask);
    if (await approvalRequired(em(), definition.decisionPoint)) return { changeRequest: await requestChange(em(), checked, actorOf(principal)) };
    const v = await commitPublish(deps, checked, { author: actorOf(principal), actor: actorOf(principal) });
    return version(definition.decisionPoint, v);
  };
  const answer = (c: Context<AppEnv>, result: Awaited<ReturnType<typeof publish>>) => ('changeRequest' in result ? c.json(result, 202) : c.json(result, 201));
  const base = { tag: 'Rules', responses: { ...NOT_FOUND, ...STANDARD_ERRORS } } as const;

  return [
    defineRoute({
      ...base,
      method: 'get',
      path: '/rulesets/:decisionPoint',
      operationId: 'getPublishedRuleset',
      summary: 'Read the ruleset in force',
      access: 'rules.read',
      params: dpParams,
      responses: { 200: { description: 'The version in force now.', schema: rulesetView }, ...base.responses },
      handler: async (c, { params }) => c.json(await version(params.decisionPoint, undefined)),
    }),
    defineRoute({
      ...base,
      method: 'get',
      path: '/rulesets/:decisionPoint/versions',
      operationId: 'listRulesetVersions',
      summary: 'List the versions of a ruleset',
      access: 'rules.read',
      params: dpParams,
      responses: { 200: { description: 'Newest first, the draft included.', schema: z.object({ versions: z.array(rulesetVersionSummary) }) }, ...base.responses },
      handler: async (c, { params }) => c.json({ versions: await listVersions(em(), params.decisionPoint) }),
    }),
    defineRoute({
      ...base,
      method: 'get',
      path: '/rulesets/:decisionPoint/versions/:version',
      operationId: 'getRulesetVersion',
      summary: 'Read one version of a ruleset',
      access: 'rules.read',
      params: versionParams,
      responses: { 200: { description: 'The version, with its rules.', schema: rulesetView }, ...base.responses },
      handler: async (c, { params }) => c.json(await version(params.decisionPoint, params.version)),
    }),
    defineRoute({
      ...base,
      method: 'post',
      path: '/rulesets/:decisionPoint/versions',
      operationId: 'publishRulesetVersion',
      summary: 'Publishing rules',
      access: 'rules.publish',
      params: dpParams,
      body: publishRulesetRequest,
      responses: { 201: { description: 'Published as the next version.', schema: rulesetView }, ...PUBLISH_ANSWERS, ...base.responses, ...EDIT_REFUSED },
      handler: async (c, { params, body, principal }) => {
        const { definition } = requireValid(body.definition, params.decisionPoint);
        await guardRulesetEdit(em(), principal, params.decisionPoint, definition, 'published');
        return answer(c, await publish(definition, principal, body.note, publishOptions(body)));
      },
    }),
    defineRoute({
      ...base,
      method: 'get',
      path: '/rulesets/:decisionPoint/draft',
      operationId: 'getRulesetDraft',
      summary: 'Read the draft',
      access: 'rules.read',
      params: dpParams,
      responses: { 200: { description: 'The draft being edited.', schema: rulesetView }, ...base.responses },
      handler: async (c, { params }) => c.json(await version(params.decisionPoint, 'draft')),
    }),
    defineRoute({
      ...base,
      method: 'put',
      path: '/rulesets/:decisionPoint/draft',
      operationId: 'saveRulesetDraft',
      summary: 'Editing rules',
      access: 'rules.editValues',
      params: dpParams,
      body: draftRequest,
      responses: { 200: { description: 'Saved; warnings are listed.', schema: z.object({ draft: rulesetView, warnings: z.array(problem) }) }, ...base.responses, ...EDIT_REFUSED },
      handler: async (c, { params, body, principal }) => {
        const { definition, warnings } = requireValid(body.definition, params.decisionPoint);
        await guardRulesetEdit(em(), principal, params.decisionPoint, definition, 'draft');
        await saveDraft(em(), definition, actorOf(principal));
        return c.json({ draft: await version(params.decisionPoint, 'draft'), warnings });
      },
    }),
    defineRoute({
      ...base,
      method: 'delete',
      path: '/rulesets/:decisionPoint/draft',
      operationId: 'discardRulesetDraft',
      summary: 'Discarding a draft',
      access: 'rules.publish',
      params: dpParams,
      responses: { 204: { description: 'Discarded.' }, ...base.responses },
      handler: async (c, { params }) => {
        if (!(await discardDraft(em(), params.decisionPoint))) throw notFound(`A draft of the ${params.decisionPoint} rules`);
        return c.body(null, 204);
      },
    }),
    defineRoute({
      ...base,
      method: 'post',
      path: '/rulesets/:decisionPoint/draft/publish',
      operationId: 'publishRulesetDraft',
      summary: 'Publishing rules',
      access: 'rules.editValues',
      params: dpParams,
      body: publishDraftRequest,
      responses: { 201: { description: 'The draft, published as the next version.', schema: rulesetView }, ...PUBLISH_ANSWERS, ...base.responses, ...EDIT_REFUSED },
      handler: async (c, { params, body, principal }) => {
        const draft = await version(params.decisionPoint, 'draft');
        const { definition } = requireValid(draft.definition, params.decisionPoint);
        await guardRulesetEdit(em(), principal, params.decisionPoint, definition, 'published');
        return answer(c, await publish(definition, principal, body.note, publishOptions(body)));
      },
    }),
    defineRoute({
      ...base,
      method: 'post',
      path: '/rulesets/:decisionPoint/rollback',
      operationId: 'rollBackRuleset',
      summary: 'Rolling back rules',
      access: 'rules.publish',
      params: dpParams,
      body: rollbackRequest,
      responses: { 201: { description: 'The old rules, published anew as the next version.', schema: rulesetView }, ...base.responses, ...EDIT_REFUSED },
      handler: async (c, { params, body, principal }) => {
        const old = await version(params.decisionPoint, body.version);
        await guardRulesetEdit(em(), principal, params.decisionPoint, old.definition, 'published');
        return c.json(await version(params.decisionPoint, await commitPublish(deps, await checkPublish(em(), old.definition, `Rollback to version ${body.version}: ${body.note}`, { basedOn: body.version }), { author: actorOf(principal), actor: actorOf(principal) })), 201);
      },
    }),
    defineRoute({
      ...base,
      method: 'get',
      path: '/rulesets/:decisionPoint/diff',
      operationId: 'diffRulesetVersions',
      summary: 'Compare two versions',
      access: 'rules.read',
      params: dpParams,
      query: z.object({ from: versionRef, to: versionRef }),
      responses: {
        200: {
          description: 'Rules added, removed and changed (by name), and ruleset fields that changed.',
          schema: z.object({
            fields: z.array(z.string()),
            rules: z.array(z.object({ kind: z.enum(['added', 'removed', 'changed']), rule: z.string(), fields: z.array(z.string()).optional() })),
          }),
        },
        ...base.responses,
      },
      handler: async (c, { params, query }) => {
        const [from, to] = await Promise.all([version(params.decisionPoint, query.from), version(params.decisionPoint, query.to)]);
        return c.json(diffRulesets(from.definition, to.definition));
      },
    }),
    defineRoute({
      ...base,
      method: 'post',
      path: '/rulesets/:decisionPoint/validate',
      operationId: 'validateRuleset',
      summary: 'Check a ruleset',
      access: 'rules.read',
      params: dpParams,
      body: draftRequest,
      responses: { 200: { description: 'Every problem, each with its path; nothing is saved.', schema: z.object({ valid: z.boolean(), problems: z.array(problem) }) }, ...base.responses },
      handler: async (c, { body }) => {
        const { valid, problems } = validateRuleset(body.definition);
        return c.json({ valid, problems });
      },
    }),
  ];
}
