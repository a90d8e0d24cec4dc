import { DECISION_POINT_SPECS, type FactSpec } from '../domain/decision-points.ts';
import type { DecisionOutcome } from '../domain/decision.ts';
import type { RankBy, RulesetDefinition } from '../domain/ruleset.ts';
import { show } from './condition-sentence.ts';
import { factsIn, parseRankExpression, type RankExpression } from './rank-expression.ts';

/*
 * A priority ruleset with a rank-by ranks its pool by a value (a fact or a small expression of facts)
 * rather than by points alone: ascending or descending, with the additive rules' points breaking ties, or
 * adjusting the value by one unit per point (one hour when the value is a date or in hours), toward the
 * front, or toward the back for negative points. An order whose value is missing ranks after every
 * order that has one.
 */

/** The parsed expression of a rank-by; throws on one the validator would refuse, as compiling an unknown operator does. */
export function rankExpressionOf(rankBy: RankBy): RankExpression {
  let expression = parsedExpressions.get(rankBy);
  if (!expression) {
    const parsed = parseRankExpression(rankBy.expression);
    if ('error' in parsed) throw new Error(`rank by "${rankBy.expression}": ${parsed.error.message}`);
    parsedExpressions.set(rankBy, (expression = parsed.expression));
  }
  return expression;
}
// A definition is not changed once evaluated (published versions are immutable), so its expression is parsed once.
const parsedExpressions = new WeakMap<RankBy, RankExpression>();

/**
 * The key a pool is sorted by, smallest first: the value, negated when descending, less the points when
 * they adjust it; +Infinity when the value is missing.
 */
export function rankKey(rankBy: RankBy, value: number | undefined, score: number): number {
  if (value === undefined) return Infinity;
  const key = rankBy.direction === 'ascending' ? value : -value;
  return rankBy.points === 'adjustment' ? key - score : key;
}

const catalogueOf = (definition: RulesetDefinition) => new Map(DECISION_POINT_SPECS[definition.decisionPoint].facts.map((f) => [f.name, f]));

/** The unit of a rank value: the unit its facts share (a date counts in hours), otherwise plain units. */
function unitOf(names: readonly string[], catalogue: ReadonlyMap<string, FactSpec>): string {
  const units = new Set(names.map((n) => catalogue.get(n)).map((spec) => (spec?.type === 'date' ? 'hours' : (spec?.unit ?? 'units'))));
  return units.size === 1 ? [...units][0]! : 'units';
}

const signed = (points: number) => `${points >= 0 ? '+' : ''}${points}`;

/** What a rank-by ranks by, in words ("planned release time", or the expression as written) and in which order. */
function rankWords(definition: RulesetDefinition, expression: RankExpression | null) {
  const rankBy = definition.rankBy!;
  const catalogue = catalogueOf(definition);
  const single = expression?.kind === 'fact' ? catalogue.get(expression.name) : undefined;
  const ascending = rankBy.direction === 'ascending';
  const order = single?.type === 'date' ? (ascending ? 'earliest first' : 'latest first') : ascending ? 'lowest first' : 'highest first';
  const unit = expression ? unitOf(factsIn(expression), catalogue) : 'units';
  return { single, what: single ? (single.label ?? single.name) : rankBy.expression, order, unit, one: unit.replace(/s$/, '') };
}

/** How a rank-by ranks every pool, for the designer: "Ranked by planned release time, earliest first; then points break ties." */
export function describeRankBy(definition: RulesetDefinition): string {
  const parsed = parseRankExpression(definition.rankBy!.expression);
  const { what, order, one } = rankWords(definition, 'expression' in parsed ? parsed.expression : null);
  const head = `Ranked by ${what}, ${order}`;
  return definition.rankBy!.points === 'tie_breaker' ? `${head}; then points break ties.` : `${head}; each point moves an order one ${one} toward the front, a negative point one ${one} toward the back.`;
}

const shownValue = (value: number) => Math.round(value * 100) / 100;

/** How the pool is ranked, for one order: "Ranked by planned release time (…), earliest first; then +15 points break ties." */
export function rankSentence(definition: RulesetDefinition, facts: Readonly<Record<string, unknown>>, value: number | undefined, score: number): string {
  const expression = rankExpressionOf(definition.rankBy!);
  const { single, what, order, unit, one } = rankWords(definition, expression);
  let sentence: string;
  if (value === undefined) {
    const missing = factsIn(expression).filter((n) => facts[n] === undefined || !Object.hasOwn(facts, n));
    const why = missing.length > 0 ? `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing` : 'its value is not a number';
    sentence = `Ranked by ${what}, ${order}, but ${why}, so the order ranks after every order that has one`;
  } else {
    const shown = single ? (single.name === what ? show(facts[single.name]) : `${single.name} ${show(facts[single.name])}`) : `= ${shownValue(value)}`;
    sentence = `Ranked by ${what} (${shown}), ${order}`;
  }
  if (definition.rankBy!.points === 'tie_breaker') return `${sentence}; then ${signed(score)} points break ties.`;
  return `${sentence}; ${signed(score)} points move it ${Math.abs(score)} ${unit} toward the ${score >= 0 ? 'front' : 'back'} (one point is one ${one}).`;
}

/** The rank part of a rank-by ruleset's outcome; both evaluators end here with the value each computed. */
export function rankOutcome(definition: RulesetDefinition, facts: Readonly<Record<string, unknown>>, value: number | undefined, score: number): NonNullable<DecisionOutcome['rank']> {
  return { value: value ?? null, sentence: rankSentence(definition, facts, value, score) };
}
