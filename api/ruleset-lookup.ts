import type { EntityManager } from '@mikro-orm/sql';
import type { DecisionPointId } from '../domain/decision-points.ts';
import type { RulesetDefinition, RulesetView } from '../domain/ruleset.ts';
import { validateRuleset } from '../rules/validate-ruleset.ts';
import { findPublishedRuleset, findVersion } from '../store/rulesets.ts';
import { notFound, UserError } from './errors.ts';

type Problem = ReturnType<typeof validateRuleset>['problems'][number];

/** Refuses a ruleset with any error, listing every problem; nothing is saved half-way. */
export function requireValid(definition: unknown, decisionPoint: DecisionPointId): { definition: RulesetDefinition; warnings: Problem[] } {
  const result = validateRuleset(definition);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (result.definition && result.definition.decisionPoint !== decisionPoint) {
    errors.push({ path: 'decisionPoint', message: `this ruleset is for ${result.definition.decisionPoint}, not ${decisionPoint}`, severity: 'error' });
  }
  if (errors.length > 0 || !result.definition) {
    const summary = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new UserError(400, 'invalid_ruleset', `The ruleset has ${errors.length === 1 ? 'a problem' : `${errors.length} problems`}: ${summary}`, errors.map((e) => ({ path: `definition.${e.path}`, message: e.message })));
  }
  return { definition: result.definition, warnings: result.problems.filter((p) => p.severity === 'warning') };
}

/** A version of a decision point's rules (undefined: the one in force), or a 404 that names it. */
export async function rulesetVersionOrFail(em: EntityManager, dp: DecisionPointId, v: number | 'draft' | undefined): Promise<RulesetView> {
  const found = v === undefined ? await findPublishedRuleset(em, dp) : await findVersion(em, dp, v);
  if (!found) throw notFound(v === 'draft' ? `A draft of the ${dp} rules` : v === undefined ? `A ruleset in force for ${dp}` : `Version ${v} of the ${dp} rules`);
  return found;
}
