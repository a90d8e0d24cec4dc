import { Engine, type RuleResult } from 'json-rules-engine';
import type { RuleExplanation } from '../domain/decision.ts';
import type { Rule, RulesetDefinition } from '../domain/ruleset.ts';
import { describeCondition } from './condition-sentence.ts';
import { explainCondition, type EngineConditionResult } from './explain-condition.ts';

export interface PriorityOutcome {
  score: number;
  rules: RuleExplanation[];
}

/** Builds a json-rules-engine engine for a ruleset; the engine is the reference semantics for rules. */
export function priorityEngine(definition: RulesetDefinition): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const rule of definition.rules) {
    engine.addRule({ name: rule.name, priority: rule.priority, conditions: rule.conditions as never, event: rule.event });
  }
  return engine;
}

function explainRule(rule: Rule, result: RuleResult, facts: Record<string, unknown>): RuleExplanation {
  // The typings omit it, but every condition result serialises itself with its per-condition results.
  const engineResult = (result.conditions as unknown as { toJSON(stringify: false): EngineConditionResult }).toJSON(false);
  const conditions = explainCondition(engineResult, facts);
  const fired = result.result === true;
  const points = fired ? rule.event.params.points : 0;
  const signed = `${rule.event.params.points >= 0 ? '+' : ''}${rule.event.params.points}`;
  const sentence = fired
    ? `${rule.name}: ${signed} because ${describeCondition(conditions)}.`
    : `${rule.name}: no points, because ${describeCondition(conditions)}.`;
  return { name: rule.name, description: rule.description, fired, points, sentence, conditions };
}

/** Additive hit policy: the effective priority score is the sum of the points of every rule that holds. */
export async function evaluatePriority(definition: RulesetDefinition, facts: Record<string, unknown>, engine = priorityEngine(definition)): Promise<PriorityOutcome> {
  const run = await engine.run(facts);
  const byName = new Map([...run.results, ...run.failureResults].map((r) => [r.name, r]));
  const rules = definition.rules.map((rule) => {
    const result = byName.get(rule.name);
    if (!result) throw new Error(`rule "${rule.name}" was not evaluated`);
    return explainRule(rule, result, facts);
  });
  return { score: rules.reduce((sum, r) => sum + r.points, 0), rules };
}
