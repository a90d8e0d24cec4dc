import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DecisionPointId } from '../../domain/decision-points.ts';
import { decisionOutcome, ruleExplanation } from '../../domain/decision.ts';
import { newTestCase, rulesImpact, rulesUnderTest, testCaseResult, testCaseView } from '../../domain/ruleset-testing.ts';
import { evaluateWithEngine } from '../../rules/reference-engine.ts';
import { findPublishedRuleset, findVersion } from '../../store/rulesets.ts';
import { RulesetTestCaseRecord } from '../../store/ruleset-test-case.entity.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { notFound } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { factsForTest, testRunRequest } from '../rules-test-run.ts';
import { impactOf } from '../rules-impact.ts';
import { runStoredCases, testCaseOf } from '../stored-test-cases.ts';
import { requireValid, rulesetVersionOrFail } from '../ruleset-lookup.ts';
import { errorBody, pathId, STANDARD_ERRORS } from '../schemas.ts';
import { dpParams } from './rulesets.ts';

/** Trying rules before they are in force: test runs, stored test cases, and the impact of a draft on waiting orders. */
export function rulesetTestingRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  /** The definition under test: as given (validated), else the draft, else the version in force. */
  const underTest = async (dp: DecisionPointId, definition: unknown) => {
    if (definition !== undefined) return requireValid(definition, dp).definition;
    const found = (await findVersion(em(), dp, 'draft')) ?? (await findPublishedRuleset(em(), dp));
    if (!found) throw notFound(`A draft or a ruleset in force for ${dp}`);
    return found.definition;
  };
  const base = { tag: 'Rules', params: dpParams, responses: STANDARD_ERRORS } as const;
  const nothingToTest = { 404: { description: 'The decision point has neither a draft nor a version in force.', schema: errorBody } };

  return [
    defineRoute({
      ...base,
      method: 'post',
      path: '/rulesets/:decisionPoint/test',
      operationId: 'testRuleset',
      summary: 'Test-run rules',
      access: 'rules.read',
      body: testRunRequest,
      responses: {
        200: {
          description: 'The outcome and explanation for each set of facts; nothing is stored.',
          schema: z.object({ results: z.array(z.object({ orderId: z.string().nullable(), facts: z.record(z.string(), z.unknown()), outcome: decisionOutcome, rules: z.array(ruleExplanation) })) }),
        },
        404: { description: 'No such ruleset version.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params, body }) => {
        const definition =
          body.definition !== undefined ? requireValid(body.definition, params.decisionPoint).definition : (await rulesetVersionOrFail(em(), params.decisionPoint, body.version)).definition;
        const cases = await factsForTest(em(), params.decisionPoint, body);
        const results = [];
        for (const { orderId, facts } of cases) results.push({ orderId, facts, ...(await evaluateWithEngine(definition, facts)) });
        return c.json({ results });
      },
    }),
    defineRoute({
      ...base,
      method: 'get',
      path: '/rulesets/:decisionPoint/test-cases',
      operationId: 'listRulesetTestCases',
      summary: 'List stored test cases',
      access: 'rules.read',
      responses: { 200: { description: 'Oldest first.', schema: z.object({ testCases: z.array(testCaseView) }) }, ...STANDARD_ERRORS },
      handler: async (c, { params }) => {
        const found = await em().find(RulesetTestCaseRecord, { decisionPoint: params.decisionPoint }, { orderBy: { createdAt: 'asc', id: 'asc' } });
        return c.json({ testCases: found.map(testCaseOf) });
      },
    }),
    defineRoute({
      ...base,
      method: 'post',
      path: '/rulesets/:decisionPoint/test-cases',
      operationId: 'saveRulesetTestCase',
      summary: 'Editing rules',
      access: 'rules.publish',
      body: newTestCase,
      responses: { 201: { description: 'Stored with the ruleset.', schema: testCaseView }, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => {
        const tx = em();
        const record = tx.create(RulesetTestCaseRecord, { id: randomUUID(), decisionPoint: params.decisionPoint, ...body, createdBy: actorOf(principal) });
        await tx.flush();
        return c.json(testCaseOf(record), 201);
      },
    }),
    defineRoute({
      ...base,
      method: 'delete',
      path: '/rulesets/:decisionPoint/test-cases/:id',
      operationId: 'deleteRulesetTestCase',
      summary: 'Editing rules',
      access: 'rules.publish',
      params: dpParams.extend({ id: pathId }),
      responses: { 204: { description: 'Deleted.' }, 404: { description: 'No such test case.', schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { params }) => {
        const deleted = await em().nativeDelete(RulesetTestCaseRecord, { id: params.id, decisionPoint: params.decisionPoint });
        if (deleted === 0) throw notFound(`Test case ${params.id} of the ${params.decisionPoint} rules`);
        return c.body(null, 204);
      },
    }),
    defineRoute({
      ...base,
      method: 'post',
      path: '/rulesets/:decisionPoint/test-cases/run',
      operationId: 'runRulesetTestCases',
      summary: 'Test-run rules',
      access: 'rules.read',
      body: rulesUnderTest,
      responses: { 200: { description: 'Every stored case, run; nothing is stored.', schema: z.object({ results: z.array(testCaseResult) }) }, ...nothingToTest, ...STANDARD_ERRORS },
      handler: async (c, { params, body }) => {
        return c.json({ results: await runStoredCases(em(), await underTest(params.decisionPoint, body.definition)) });
      },
    }),
    defineRoute({
      ...base,
      method: 'post',
      path: '/rulesets/:decisionPoint/impact',
      operationId: 'previewRulesetImpact',
      summary: 'Test-run rules',
      access: 'rules.read',
      body: rulesUnderTest,
      responses: { 200: { description: 'How the waiting orders would be judged by the draft, next to the version in force.', schema: rulesImpact }, ...nothingToTest, ...STANDARD_ERRORS },
      handler: async (c, { params, body }) => {
        const draft = await underTest(params.decisionPoint, body.definition);
        return c.json(await impactOf(em(), draft, await findPublishedRuleset(em(), params.decisionPoint), new Date()));
      },
    }),
  ];
}
