import { Engine, type RuleResult } from 'json-rules-engine';
import type { RulesetDefinition } from '../domain/ruleset.ts';
import type { EngineConditionResult, EngineRuleResult } from './engine-result.ts';
import { explainEvaluation, type Evaluation } from './explain-evaluation.ts';
import { DATE_OPERATORS } from './date-instant.ts';
import { MISSING_FACT_OPERATORS } from './missing-fact-operators.ts';
import { rankExpressionOf } from './rank-by.ts';
import { interpretRankExpression } from './rank-expression.ts';

/**
 * json-rules-engine is the reference semantics of rules. Each rule is registered under its index, so
 * results map back to rules whatever their names; a missing fact makes its condition false (see
 * missing-fact-operators.ts). Dates compare with Sluice's own operators (date-instant.ts).
 */
export function referenceEngine(definition: RulesetDefinition): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const operator of MISSING_FACT_OPERATORS) engine.addOperator(operator);
  for (const [name, holds] of Object.entries(DATE_OPERATORS)) engine.addOperator(name, holds);
  definition.rules.forEach((rule, i) => {
    engine.addRule({ name: String(i), priority: rule.priority, conditions: rule.conditions as never, event: { type: rule.event.type, params: rule.event.params } });
  });
  return engine;
}

export async function referenceResults(engine: Engine, ruleCount: number, facts: Record<string, unknown>): Promise<EngineRuleResult[]> {
  const run = await engine.run(facts);
  const results: EngineRuleResult[] = new Array(ruleCount);
  for (const r of [...run.results, ...run.failureResults] as RuleResult[]) {
    // The typings omit it, but every condition result serialises itself with its per-condition results.
    const conditions = (r.conditions as unknown as { toJSON(stringify: false): EngineConditionResult }).toJSON(false);
    results[Number(r.name)] = { held: r.result === true, conditions };
  }
  return results;
}

/**
 * Evaluates a ruleset with json-rules-engine and explains the decision. The engine knows no ranking, so a
 * rank-by's value is the expression's tree walked as written (rank-expression.ts): the reference the
 * compiled expression is held to.
 */
export async function evaluateWithEngine(definition: RulesetDefinition, facts: Record<string, unknown>, engine = referenceEngine(definition)): Promise<Evaluation> {
  const rankValue = definition.rankBy ? interpretRankExpression(rankExpressionOf(definition.rankBy), facts) : undefined;
  return explainEvaluation(definition, facts, await referenceResults(engine, definition.rules.length, facts), rankValue);
}
