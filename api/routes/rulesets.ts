import { Hono } from 'hono';
import { findPublishedRuleset } from '../../store/rulesets.ts';
import type { ApiDeps } from '../api-deps.ts';
import { notFound } from '../errors.ts';

export function rulesetRoutes(deps: ApiDeps) {
  return new Hono().get('/:decisionPoint', async (c) => {
    const decisionPoint = c.req.param('decisionPoint');
    const ruleset = await findPublishedRuleset(deps.store.em.fork(), decisionPoint);
    if (!ruleset) throw notFound(`A published ruleset for the "${decisionPoint}" decision point`);
    return c.json(ruleset);
  });
}
