import type { DecisionPointId } from '../../domain/decision-points.ts';
import { rulesetLocks, rulesetLocksView, type RulesetLocks } from '../../domain/ruleset-locks.ts';
import { findPublishedRuleset, findVersion } from '../../store/rulesets.ts';
import { readLocks, writeLocks } from '../../store/ruleset-locks.ts';
import type { EntityManager } from '@mikro-orm/sql';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { UserError } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, STANDARD_ERRORS } from '../schemas.ts';
import { dpParams } from './rulesets.ts';

/** Locks name rules that exist, in force or in the draft; a lock on a rule nobody can find protects nothing. */
async function requireKnownRules(em: EntityManager, dp: DecisionPointId, locks: RulesetLocks): Promise<void> {
  const versions = [await findPublishedRuleset(em, dp), await findVersion(em, dp, 'draft')];
  const known = new Set(versions.flatMap((v) => v?.definition.rules.map((r) => r.name) ?? []));
  const issues = [
    ...locks.lockedRules.map((rule, i) => ({ path: `lockedRules.${i}`, rule })),
    ...locks.bounds.map((b, i) => ({ path: `bounds.${i}.rule`, rule: b.rule })),
  ]
    .filter((x) => !known.has(x.rule))
    .map((x) => ({ path: x.path, message: `the ${dp} rules have no rule “${x.rule}”` }));
  if (issues.length > 0) throw new UserError(422, 'unknown_rule', `The locks name rules the ${dp} rules do not have: ${[...new Set(issues.map((i) => i.message.split('rule ')[1]))].join(', ')}.`, issues);
}

export function rulesetLockRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  const base = { tag: 'Rules', params: dpParams, responses: STANDARD_ERRORS } as const;
  return [
    defineRoute({
      ...base,
      method: 'get',
      path: '/rulesets/:decisionPoint/locks',
      operationId: 'getRulesetLocks',
      summary: 'Read what is locked in a ruleset',
      access: 'rules.read',
      responses: { 200: { description: 'The locks, the roles granted value-only editing and the bounds; all empty when nothing is locked.', schema: rulesetLocksView }, ...base.responses },
      handler: async (c, { params }) => c.json(await readLocks(em(), params.decisionPoint)),
    }),
    defineRoute({
      ...base,
      method: 'put',
      path: '/rulesets/:decisionPoint/locks',
      operationId: 'setRulesetLocks',
      summary: 'Locking rules',
      access: 'rules.lock',
      body: rulesetLocks,
      responses: { 200: { description: 'Saved and audited.', schema: rulesetLocksView }, ...base.responses, 422: { description: 'A lock or bound names a rule the ruleset does not have.', schema: errorBody } },
      handler: async (c, { params, body, principal }) => {
        await requireKnownRules(em(), params.decisionPoint, body);
        await writeLocks(em(), params.decisionPoint, body, actorOf(principal));
        return c.json(await readLocks(em(), params.decisionPoint));
      },
    }),
  ];
}
