import { DECISION_POINT_SPECS } from '../domain/decision-points.ts';
import type { DecisionOutcome, FiredEvent, RuleExplanation } from '../domain/decision.ts';
import type { Rule, RulesetDefinition } from '../domain/ruleset.ts';
import { describeCondition, show } from './condition-sentence.ts';
import type { EngineRuleResult } from './engine-result.ts';
import { explainCondition } from './explain-condition.ts';
import { rankOutcome } from './rank-by.ts';

export interface Evaluation {
  outcome: DecisionOutcome;
  /** One per rule, in the ruleset's order. */
  rules: RuleExplanation[];
}

/** The order rules run in: higher priority first, then as written. Under first-match, the first that holds decides. */
export function runOrder(definition: RulesetDefinition): number[] {
  let order = runOrders.get(definition);
  if (!order) {
    order = definition.rules.map((_, i) => i).sort((a, b) => definition.rules[b]!.priority - definition.rules[a]!.priority || a - b);
    runOrders.set(definition, order);
  }
  return order;
}
// A definition is not changed once evaluated (published versions are immutable), so its order is kept.
const runOrders = new WeakMap<RulesetDefinition, number[]>();

const pointsOf = (rule: Rule) => (typeof rule.event.params.points === 'number' ? rule.event.params.points : 0);

function describeEvent(event: { type: string; params: Record<string, unknown> }): string {
  const params = Object.entries(event.params);
  return params.length === 0 ? event.type : `${event.type} (${params.map(([k, v]) => `${k} ${show(v)}`).join(', ')})`;
}

/**
 * Combines per-rule results into the decision and its explanation, by the ruleset's hit policy, with the
 * rank value of a rank-by ruleset. Both evaluators end here, so they cannot differ in anything but the
 * condition results and the rank value themselves.
 */
export function explainEvaluation(definition: RulesetDefinition, facts: Record<string, unknown>, results: readonly EngineRuleResult[], rankValue?: number): Evaluation {
  const fired: FiredEvent[] = [];
  for (const i of runOrder(definition)) {
    const rule = definition.rules[i]!;
    if (results[i]!.held) fired.push({ rule: rule.name, type: rule.event.type, params: rule.event.params });
  }
  const additive = definition.hitPolicy === 'additive';
  const applied = new Set(definition.hitPolicy === 'first' ? fired.slice(0, 1).map((e) => e.rule) : fired.map((e) => e.rule));
  const fallback = DECISION_POINT_SPECS[definition.decisionPoint].fallback;
  const outcome: DecisionOutcome = {
    events: fired,
    score: additive ? definition.rules.reduce((sum, rule, i) => sum + (results[i]!.held ? pointsOf(rule) : 0), 0) : null,
    chosen: additive ? null : (fired[0] ?? (fallback ? { rule: null, type: fallback.type, params: fallback.params } : null)),
  };
  if (additive && definition.rankBy) outcome.rank = rankOutcome(definition, facts, rankValue, outcome.score!);
  const winner = fired[0]?.rule;

  const rules = definition.rules.map((rule, i): RuleExplanation => {
    const conditions = explainCondition(results[i]!.conditions, facts);
    const held = results[i]!.held;
    const because = describeCondition(conditions);
    let sentence: string;
    if (additive) {
      const points = pointsOf(rule);
      sentence = held ? `${rule.name}: ${points >= 0 ? '+' : ''}${points} because ${because}.` : `${rule.name}: no points, because ${because}.`;
    } else if (!held) sentence = `${rule.name}: does not apply, because ${because}.`;
    else if (applied.has(rule.name)) sentence = `${rule.name}: ${describeEvent(rule.event)} because ${because}.`;
    else sentence = `${rule.name}: holds (${because}), but "${winner}" decided first.`;
    return {
      name: rule.name,
      description: rule.description,
      fired: held,
      applied: applied.has(rule.name),
      points: additive && held ? pointsOf(rule) : 0,
      event: rule.event,
      sentence,
      conditions,
    };
  });
  return { outcome, rules };
}
