import { z } from 'zod';
import { DECISION_POINT_SPECS, DECISION_POINTS, FACT_TYPES, HIT_POLICIES, OPERATORS_BY_TYPE } from '../../domain/decision-points.ts';
import { rulesetVersionSummary } from '../../domain/ruleset.ts';
import { rulesetOverview } from '../../store/rulesets.ts';
import type { ApiDeps } from '../api-deps.ts';
import { defineRoute } from '../registry/route.ts';
import { STANDARD_ERRORS } from '../schemas.ts';

const catalogue = z.object({
  decisionPoints: z.array(
    z.object({
      id: z.enum(DECISION_POINTS),
      name: z.string(),
      consultedWhen: z.string(),
      hitPolicies: z.array(z.enum(HIT_POLICIES)),
      fallback: z.object({ type: z.string(), params: z.record(z.string(), z.unknown()) }).nullable(),
      facts: z.array(
        z.object({
          name: z.string(),
          label: z.string().optional().describe('How a sentence names the fact, where its name would not read well'),
          type: z.enum(FACT_TYPES),
          unit: z.string().optional(),
          values: z.array(z.string()).optional(),
          description: z.string(),
          example: z.unknown(),
        }),
      ),
      outcomes: z.array(z.object({ type: z.string(), description: z.string(), params: z.record(z.string(), z.unknown()).describe('JSON Schema of the parameters') })),
    }),
  ),
  operatorsByType: z.record(z.string(), z.array(z.string())),
});

// The catalogue is code: its JSON form is computed once.
let catalogueJson: z.infer<typeof catalogue> | undefined;
const catalogueView = () =>
  (catalogueJson ??= {
    decisionPoints: DECISION_POINTS.map((id) => {
      const { outcomes, facts, hitPolicies, ...spec } = DECISION_POINT_SPECS[id];
      return {
        ...spec,
        hitPolicies: [...hitPolicies],
        facts: facts.map(({ values, ...f }) => ({ ...f, ...(values ? { values: [...values] } : {}) })),
        outcomes: outcomes.map((o) => ({ type: o.type, description: o.description, params: z.toJSONSchema(o.params) as Record<string, unknown> })),
      };
    }),
    operatorsByType: Object.fromEntries(Object.entries(OPERATORS_BY_TYPE).map(([type, ops]) => [type, [...ops]])),
  });

export function decisionPointRoutes(deps: ApiDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/decision-points',
      operationId: 'listDecisionPoints',
      summary: 'The decision points, their facts and outcomes',
      tag: 'Rules',
      access: 'rules.read',
      responses: { 200: { description: 'What rules may use at each decision point.', schema: catalogue }, ...STANDARD_ERRORS },
      handler: (c) => c.json(catalogueView()),
    }),
    defineRoute({
      method: 'get',
      path: '/rulesets',
      operationId: 'listRulesets',
      summary: 'List the rulesets',
      tag: 'Rules',
      access: 'rules.read',
      responses: {
        200: {
          description: 'One ruleset per decision point: the version in force, and the draft if there is one.',
          schema: z.object({ rulesets: z.array(z.object({ decisionPoint: z.enum(DECISION_POINTS), name: z.string().nullable(), inForce: rulesetVersionSummary.nullable(), draft: rulesetVersionSummary.nullable() })) }),
        },
        ...STANDARD_ERRORS,
      },
      handler: async (c) => {
        const rulesets = await Promise.all(
          DECISION_POINTS.map(async (decisionPoint) => ({ decisionPoint, ...(await rulesetOverview(deps.store.em.fork(), decisionPoint)) })),
        );
        return c.json({ rulesets });
      },
    }),
  ];
}
