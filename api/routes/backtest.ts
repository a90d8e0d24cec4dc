import { z } from 'zod';
import { BACKTEST_CONTENT_TYPE, backtestLine, backtestRequest, backtestScenario, isSimulated } from '../../domain/backtest.ts';
import { findPublishedRuleset, findVersion } from '../../store/rulesets.ts';
import type { ApiDeps } from '../api-deps.ts';
import { BacktestRuns } from '../backtest/backtest-runs.ts';
import { backtestPolicies } from '../backtest/backtest-policies.ts';
import { backtestScenarios, scenarioOrFail } from '../backtest/backtest-scenarios.ts';
import { scenarioParams } from '../backtest/scenario-params.ts';
import { notFound, UserError } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { requireValid } from '../ruleset-lookup.ts';
import { errorBody, STANDARD_ERRORS } from '../schemas.ts';
import { dpParams } from './rulesets.ts';

/** Backtests: a draft put through a simulated operation beside the rules in force and baselines. */
export function backtestRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  const runs = deps.backtests ?? new BacktestRuns();
  return [
    defineRoute({
      method: 'get',
      path: '/backtest-scenarios',
      operationId: 'listBacktestScenarios',
      summary: 'Backtesting rules',
      tag: 'Rules',
      access: 'rules.backtest',
      responses: { 200: { description: 'The operations a draft can be simulated in, with settings that finish in a few seconds.', schema: z.object({ scenarios: z.array(backtestScenario) }) }, ...STANDARD_ERRORS },
      handler: (c) => c.json({ scenarios: backtestScenarios() }),
    }),
    defineRoute({
      method: 'post',
      path: '/rulesets/:decisionPoint/backtest',
      operationId: 'backtestRuleset',
      summary: 'Backtesting rules',
      tag: 'Rules',
      access: 'rules.backtest',
      params: dpParams,
      body: backtestRequest,
      responses: {
        200: {
          description: `Streamed as NDJSON (a JSON object a line): \`progress\` lines as replications finish, then one \`result\` line, or one \`error\` line (e.g. \`time_limit\`). The draft, the rules in force and the baselines run on the same random numbers (the seed); nothing is stored. Closing the connection stops the run.`,
          schema: backtestLine,
          contentType: BACKTEST_CONTENT_TYPE,
        },
        404: { description: 'No definition was given and the decision point has no draft.', schema: errorBody },
        429: { description: 'This API process runs as many backtests as it runs at once; try again when one has finished.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params, body }) => {
        const dp = params.decisionPoint;
        if (!isSimulated(dp)) throw new UserError(400, 'not_simulated', `A backtest simulates the priority and release rules; the ${dp} rules take no part in the simulation.`);
        const scenario = scenarioOrFail(body.scenario);
        const draft = body.definition !== undefined ? requireValid(body.definition, dp).definition : (await findVersion(em(), dp, 'draft'))?.definition;
        if (!draft) throw notFound(`A draft of the ${dp} rules`);
        const [priority, release] = await Promise.all([findPublishedRuleset(em(), 'priority'), findPublishedRuleset(em(), 'release')]);
        const inForce = { ...(priority ? { priority: priority.definition } : {}), ...(release ? { release: release.definition } : {}) };
        const { policies, roles } = backtestPolicies(dp, draft, inForce, body.baselines, body.conwipLimit);
        const request = {
          scenario: scenario.name,
          params: await scenarioParams(em(), scenario.name, body.params ?? {}),
          policies,
          replications: body.replications,
          seed: body.seed,
          ...(body.horizon !== undefined ? { horizon: body.horizon } : {}),
          ...(body.warmUp !== undefined ? { warmUp: body.warmUp } : {}),
        };
        const stream = await runs.start({ request, roles }, c.req.raw.signal);
        return c.body(stream, 200, { 'content-type': BACKTEST_CONTENT_TYPE, 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
      },
    }),
  ];
}
